/// Sum of the last `length` values, one bar at a time: the streaming twin of `Sum`.
///
/// State: an `SMAStream` (the batch kernel computes the SMA and scales it back by the length, so the
/// stream does the same).
public struct SumStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var core: SMAStream

    /// The `length`-bar moving sum; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = SMAStream(length: length)
    }

    /// `Sum.lookback(length:)`.
    public var lookback: Int { Sum.lookback(length: length) }

    /// The sum of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        core.update(value) * Double(length)
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
