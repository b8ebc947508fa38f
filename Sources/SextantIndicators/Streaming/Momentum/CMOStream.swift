/// Chande momentum oscillator as TA-Lib computes it, one bar at a time: the streaming twin of `CMO`.
///
/// State: an `RSIStream` core that writes `100·(gain − loss)/(gain + loss)` from the same Wilder
/// averages (the batch kernel shares RSI's core the same way).
public struct CMOStream: SeriesStream {
    /// The period.
    public let length: Int
    private var core: RSIStream

    /// A `length`-bar CMO; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = RSIStream(length: length, oscillator: true)
    }

    /// `CMO.lookback(length:)`.
    public var lookback: Int { CMO.lookback(length: length) }

    /// The CMO at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double { core.update(value) }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
