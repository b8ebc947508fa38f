/// MACD, one bar at a time: the streaming twin of `MACD`.
///
/// State: the seed sums of the slow EMA (first `slow` values) and of the fast EMA (the `fast` values
/// ending on the slow seed bar, TA-Lib's alignment), both EMAs, the sum of the line over the signal's
/// seed window and the signal EMA. Every step is the batch kernel's, in its order.
public struct MACDStream: SeriesStream {
    /// One bar's MACD line, signal and histogram.
    public struct Output: Sendable, Equatable {
        /// Fast EMA − slow EMA.
        public var macd: Double
        /// The EMA of the line.
        public var signal: Double
        /// `macd − signal`.
        public var hist: Double

        /// All three NaN.
        public static let unavailable = Output(macd: .nan, signal: .nan, hist: .nan)
    }

    /// The fast period (the shorter of the two given).
    public let fastLength: Int
    /// The slow period (the longer of the two given).
    public let slowLength: Int
    /// The signal period.
    public let signalLength: Int
    private let fastK: Double
    private let slowK: Double
    private let signalK: Double
    private let fastDecay: Double
    private let slowDecay: Double
    private let signalDecay: Double
    private var index = 0
    private var fastEMA = 0.0
    private var slowEMA = 0.0
    private var lineSum = 0.0
    private var signalEMA = 0.0

    /// MACD with the given periods; if `fastLength > slowLength` the two are swapped, as TA-Lib does.
    /// Periods < 1 give NaN on every bar.
    public init(fastLength: Int, slowLength: Int, signalLength: Int) {
        self.fastLength = Swift.min(fastLength, slowLength)
        self.slowLength = Swift.max(fastLength, slowLength)
        self.signalLength = signalLength
        fastK = EMA.factor(self.fastLength)
        slowK = EMA.factor(self.slowLength)
        signalK = EMA.factor(signalLength)
        fastDecay = 1 - fastK
        slowDecay = 1 - slowK
        signalDecay = 1 - signalK
    }

    /// `MACD.lookback(fastLength:slowLength:signalLength:)`.
    public var lookback: Int {
        MACD.lookback(fastLength: fastLength, slowLength: slowLength, signalLength: signalLength)
    }

    /// The line, signal and histogram at this bar; all NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Output {
        guard !value.isNaN else {
            reset()
            return .unavailable
        }
        guard fastLength >= 1, signalLength >= 1 else { return .unavailable }
        let bar = index
        index += 1
        let seedBar = slowLength - 1
        if bar <= seedBar {
            // Seed sums, each in bar order: slowEMA and fastEMA hold them until the seed bar.
            slowEMA += value
            if bar >= slowLength - fastLength { fastEMA += value }
            guard bar == seedBar else { return .unavailable }
            slowEMA /= Double(slowLength)
            fastEMA /= Double(fastLength)
            lineSum = fastEMA - slowEMA
        } else {
            fastEMA = fastEMA * fastDecay + value * fastK
            slowEMA = slowEMA * slowDecay + value * slowK
        }
        let line = fastEMA - slowEMA
        let first = seedBar + signalLength - 1
        if bar < first {
            if bar > seedBar { lineSum += line }
            return .unavailable
        }
        if bar == first {
            if bar > seedBar { lineSum += line }
            signalEMA = lineSum / Double(signalLength)
        } else {
            signalEMA = signalEMA * signalDecay + line * signalK
        }
        return Output(macd: line, signal: signalEMA, hist: line - signalEMA)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        fastEMA = 0
        slowEMA = 0
        lineSum = 0
        signalEMA = 0
    }
}
