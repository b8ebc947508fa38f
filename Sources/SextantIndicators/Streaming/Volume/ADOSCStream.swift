/// Chaikin A/D oscillator, one bar at a time: the streaming twin of `ADOSC`; reads high, low, close
/// and volume.
///
/// State: the A/D line and its two EMAs (seeded with the run's first A/D value, as TA-Lib does), and
/// the bar's place in the run.
public struct ADOSCStream: BarStream {
    /// The first EMA's period.
    public let fastLength: Int
    /// The second EMA's period.
    public let slowLength: Int
    private let fastDecay: Double
    private let fastK: Double
    private let slowDecay: Double
    private let slowK: Double
    private var index = 0
    private var ad = 0.0
    private var fastEMA = 0.0
    private var slowEMA = 0.0

    /// `EMA(AD, fastLength) − EMA(AD, slowLength)`, names following the arguments as in `ADOSC`;
    /// lengths < 1 give NaN on every bar.
    public init(fastLength: Int, slowLength: Int) {
        self.fastLength = fastLength
        self.slowLength = slowLength
        // TA-Lib's constants: each pair sums to exactly 1 so a flat A/D line stays flat.
        fastDecay = Double(fastLength - 1) / Double(fastLength + 1)
        fastK = 1 - fastDecay
        slowDecay = Double(slowLength - 1) / Double(slowLength + 1)
        slowK = 1 - slowDecay
    }

    /// `ADOSC.lookback(fastLength:slowLength:)`.
    public var lookback: Int { ADOSC.lookback(fastLength: fastLength, slowLength: slowLength) }

    /// The oscillator at this bar; NaN during the warm-up and when an input is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN || volume.isNaN) else {
            reset()
            return .nan
        }
        guard fastLength >= 1, slowLength >= 1 else { return .nan }
        let bar = index
        index += 1
        if bar == 0 {
            ad = AD.flow(high, low, close, volume)
            fastEMA = ad
            slowEMA = ad
            // The batch kernel writes a literal 0 on the seed bar (not `fast − slow`).
            return lookback == 0 ? 0 : .nan
        }
        ad += AD.flow(high, low, close, volume)
        fastEMA = fastK * ad + fastDecay * fastEMA
        slowEMA = slowK * ad + slowDecay * slowEMA
        return bar >= lookback ? fastEMA - slowEMA : .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        ad = 0
        fastEMA = 0
        slowEMA = 0
    }
}
