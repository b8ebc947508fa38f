/// Absolute price oscillator with EMAs, one bar at a time: the streaming twin of `APO` (and, as
/// `PPOStream`'s core, of `PPO`).
///
/// State: the seed sums and the two EMAs, each seeded from the run's first bar with the mean of its own
/// first values (unlike MACD), and the bar's place in the run.
public struct APOStream: SeriesStream {
    /// The fast period (the shorter of the two given).
    public let fastLength: Int
    /// The slow period (the longer of the two given).
    public let slowLength: Int
    private let percent: Bool
    private let fastK: Double
    private let slowK: Double
    private let fastDecay: Double
    private let slowDecay: Double
    private var index = 0
    private var fastEMA = 0.0
    private var slowEMA = 0.0

    /// `EMA(fast) − EMA(slow)`; if `fastLength > slowLength` the two are swapped, as TA-Lib does.
    /// Periods < 1 give NaN on every bar.
    public init(fastLength: Int, slowLength: Int) {
        self.init(fastLength: fastLength, slowLength: slowLength, percent: false)
    }

    /// APO, or with `percent` PPO's `100·(fast − slow)/slow` (0 when slow is 0).
    init(fastLength: Int, slowLength: Int, percent: Bool) {
        self.fastLength = Swift.min(fastLength, slowLength)
        self.slowLength = Swift.max(fastLength, slowLength)
        self.percent = percent
        fastK = EMA.factor(self.fastLength)
        slowK = EMA.factor(self.slowLength)
        fastDecay = 1 - fastK
        slowDecay = 1 - slowK
    }

    /// `APO.lookback(fastLength:slowLength:)`.
    public var lookback: Int { APO.lookback(fastLength: fastLength, slowLength: slowLength) }

    /// The oscillator at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard fastLength >= 1 else { return .nan }
        let bar = index
        index += 1
        // Until its seed bar each EMA holds the sum of its seed values.
        if bar < fastLength {
            fastEMA += value
            if bar == fastLength - 1 { fastEMA /= Double(fastLength) }
        } else if bar < slowLength {
            fastEMA = fastEMA * fastDecay + value * fastK
        }
        if bar < slowLength {
            slowEMA += value
            guard bar == slowLength - 1 else { return .nan }
            slowEMA /= Double(slowLength)
            return output()
        }
        fastEMA = fastEMA * fastDecay + value * fastK
        slowEMA = slowEMA * slowDecay + value * slowK
        return output()
    }

    @inline(__always)
    private func output() -> Double {
        guard percent else { return fastEMA - slowEMA }
        return slowEMA != 0 ? ((fastEMA - slowEMA) / slowEMA) * 100 : 0
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        fastEMA = 0
        slowEMA = 0
    }
}
