public import SextantCore

/// When bars of a timeframe close on the wall clock: every `timeframe` seconds from the Unix epoch,
/// so a 1-minute bar closes on the minute and a 4-hour bar at 00:00, 04:00… UTC, as exchanges align
/// them.
public struct BarSchedule: Sendable, Equatable {
    /// The bar length.
    public let timeframe: Timeframe

    /// A schedule for `timeframe`.
    public init(_ timeframe: Timeframe) {
        self.timeframe = timeframe
    }

    /// The open time of the bar containing `time` (seconds since the epoch).
    public func barOpen(containing time: Double) -> Int64 {
        let length = Double(max(1, timeframe.seconds))
        return Int64((time / length).rounded(.down) * length)
    }

    /// The first bar boundary strictly after `time`: when the bar now forming closes.
    public func nextClose(after time: Double) -> Int64 {
        barOpen(containing: time) + max(1, timeframe.seconds)
    }
}
