/// True range, one bar at a time: the streaming twin of `TRange`; reads high, low and close.
///
/// State: the previous close and whether the run has one.
public struct TRangeStream: BarStream {
    private var previousClose = 0.0
    private var hasPrevious = false

    /// A true-range stream.
    public init() {}

    /// `TRange.lookback()`.
    public var lookback: Int { TRange.lookback() }

    /// `max(high − low, |high − prevClose|, |low − prevClose|)`; NaN on a run's first bar and when high,
    /// low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        let previous = previousClose
        let ready = hasPrevious
        previousClose = close
        hasPrevious = true
        return ready ? TRange.value(high, low, previous) : .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        previousClose = 0
        hasPrevious = false
    }
}
