/// Slow stochastic, one bar at a time: the streaming twin of `Stoch`; reads high, low and close.
///
/// State: the window extremes (`StreamExtremes`), the `SMAStream` that turns raw %K into slow %K and
/// the one that turns slow %K into slow %D, each fed from its input's first value on, and the bar's
/// place in the run.
public struct StochStream: BarStream {
    /// One bar's slow %K and %D.
    public struct Output: Sendable, Equatable {
        /// Slow %K, the SMA of the raw %K.
        public var k: Double
        /// Slow %D, the SMA of slow %K.
        public var d: Double

        /// Both NaN.
        public static let unavailable = Output(k: .nan, d: .nan)
    }

    /// The raw %K window.
    public let fastKLength: Int
    /// The slow %K smoothing.
    public let slowKLength: Int
    /// The slow %D smoothing.
    public let slowDLength: Int
    private var extremes: StreamExtremes
    private var slowK: SMAStream
    private var slowD: SMAStream
    private var index = 0

    /// STOCH with SMA smoothing; lengths < 1 give NaN on every bar.
    public init(fastKLength: Int, slowKLength: Int, slowDLength: Int) {
        self.fastKLength = fastKLength
        self.slowKLength = slowKLength
        self.slowDLength = slowDLength
        extremes = StreamExtremes(length: fastKLength)
        slowK = SMAStream(length: slowKLength)
        slowD = SMAStream(length: slowDLength)
    }

    /// `Stoch.lookback(fastKLength:slowKLength:slowDLength:)`.
    public var lookback: Int {
        Stoch.lookback(fastKLength: fastKLength, slowKLength: slowKLength, slowDLength: slowDLength)
    }

    /// Slow %K and %D at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Output {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .unavailable
        }
        guard fastKLength >= 1, slowKLength >= 1, slowDLength >= 1 else { return .unavailable }
        let bar = index
        index += 1
        guard let window = extremes.next(high: high, low: low) else { return .unavailable }
        let k = slowK.next(StochFStream.rawK(window, close: close))
        guard bar >= fastKLength - 1 + slowKLength - 1 else { return .unavailable }
        let d = slowD.next(k)
        return bar >= lookback ? Output(k: k, d: d) : .unavailable
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        extremes.reset()
        slowK.reset()
        slowD.reset()
        index = 0
    }
}
