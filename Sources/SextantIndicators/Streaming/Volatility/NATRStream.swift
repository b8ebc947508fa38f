/// Normalized average true range, one bar at a time: the streaming twin of `NATR`
/// (`(ATR/close)·100`, 0 when close is 0); reads high, low and close.
///
/// State: an `ATRStream` core that writes the normalized value (the batch kernel shares ATR's core the
/// same way).
public struct NATRStream: BarStream {
    /// The period.
    public let length: Int
    private var core: ATRStream

    /// A `length`-bar NATR; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = ATRStream(length: length, normalized: true)
    }

    /// `NATR.lookback(length:)`.
    public var lookback: Int { NATR.lookback(length: length) }

    /// The NATR at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        core.update(open: open, high: high, low: low, close: close, volume: volume)
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
