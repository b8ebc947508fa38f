/// Aroon up and down, one bar at a time: the streaming twin of `Aroon`; reads high and low.
///
/// State: a `StreamArgExtremes` over windows of `length + 1` bars, which tells how many bars ago the
/// window's highest high and lowest low occurred (on ties the most recent bar counts, as in TA-Lib and
/// the batch kernel's deque; both find the same bars, and the outputs are computed from the same
/// integers, so they have the same bits).
public struct AroonStream: BarStream {
    /// One bar's Aroon up and down.
    public struct Output: Sendable, Equatable {
        /// `(100/n)·(n − bars since the highest high)`.
        public var up: Double
        /// `(100/n)·(n − bars since the lowest low)`.
        public var down: Double

        /// Both NaN.
        public static let unavailable = Output(up: .nan, down: .nan)
    }

    /// The look-back length `n` (windows of `n + 1` bars).
    public let length: Int
    private let factor: Double
    private var extremes: StreamArgExtremes

    /// Aroon over `length + 1` bars; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        factor = 100.0 / Double(length)
        extremes = StreamArgExtremes(window: Swift.max(length, 0) + 1)
    }

    /// `Aroon.lookback(length:)`.
    public var lookback: Int { Aroon.lookback(length: length) }

    /// Aroon up and down at this bar; NaN during the warm-up and when high or low is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Output {
        guard let window = next(high: high, low: low) else { return .unavailable }
        return Output(up: factor * Double(length - window.highest), down: factor * Double(length - window.lowest))
    }

    /// Takes the next bar (NaN policy included); returns how many bars ago the window's highest high
    /// and lowest low occurred (the batch kernel's `index − highestIndex`), or nil during the warm-up.
    /// Shared with `AroonOscStream`.
    @inline(__always)
    mutating func next(high: Double, low: Double) -> (highest: Int, lowest: Int)? {
        guard !(high.isNaN || low.isNaN) else {
            reset()
            return nil
        }
        guard length >= 1 else { return nil }
        return extremes.next(high: high, low: low)
    }

    /// Forgets every bar seen.
    public mutating func reset() { extremes.reset() }
}
