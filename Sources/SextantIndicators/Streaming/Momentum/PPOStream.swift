/// Percentage price oscillator with EMAs, one bar at a time: the streaming twin of `PPO`.
///
/// State: an `APOStream` core that writes `100·(fast − slow)/slow` (the batch kernel shares APO's core
/// the same way).
public struct PPOStream: SeriesStream {
    private var core: APOStream

    /// `100·(EMA(fast) − EMA(slow))/EMA(slow)`; if `fastLength > slowLength` the two are swapped.
    /// Periods < 1 give NaN on every bar.
    public init(fastLength: Int, slowLength: Int) {
        core = APOStream(fastLength: fastLength, slowLength: slowLength, percent: true)
    }

    /// The fast period (the shorter of the two given).
    public var fastLength: Int { core.fastLength }
    /// The slow period (the longer of the two given).
    public var slowLength: Int { core.slowLength }

    /// `PPO.lookback(fastLength:slowLength:)`.
    public var lookback: Int { PPO.lookback(fastLength: fastLength, slowLength: slowLength) }

    /// The oscillator at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double { core.update(value) }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
