/// Fast stochastic, one bar at a time: the streaming twin of `StochF`; reads high, low and close.
///
/// State: the window extremes (`StreamExtremes`, the batch kernel's block scheme), the `SMAStream` of
/// %K that makes %D, and the bar's place in the run.
public struct StochFStream: BarStream {
    /// One bar's %K and %D.
    public struct Output: Sendable, Equatable {
        /// Fast %K.
        public var k: Double
        /// Fast %D, the SMA of %K.
        public var d: Double

        /// Both NaN.
        public static let unavailable = Output(k: .nan, d: .nan)
    }

    /// The %K window.
    public let fastKLength: Int
    /// The %D smoothing.
    public let fastDLength: Int
    private var extremes: StreamExtremes
    private var smoothing: SMAStream
    private var index = 0

    /// STOCHF with an SMA %D; lengths < 1 give NaN on every bar.
    public init(fastKLength: Int, fastDLength: Int) {
        self.fastKLength = fastKLength
        self.fastDLength = fastDLength
        extremes = StreamExtremes(length: fastKLength)
        smoothing = SMAStream(length: fastDLength)
    }

    /// `StochF.lookback(fastKLength:fastDLength:)`.
    public var lookback: Int { StochF.lookback(fastKLength: fastKLength, fastDLength: fastDLength) }

    /// %K and %D at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Output {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .unavailable
        }
        return next(high: high, low: low, close: close)
    }

    /// `update` without the NaN test, for streams that feed it values of their own run.
    @inline(__always)
    mutating func next(high: Double, low: Double, close: Double) -> Output {
        guard fastKLength >= 1, fastDLength >= 1 else { return .unavailable }
        let bar = index
        index += 1
        guard let window = extremes.next(high: high, low: low) else { return .unavailable }
        let k = Self.rawK(window, close: close)
        let d = smoothing.next(k)
        return bar >= lookback ? Output(k: k, d: d) : .unavailable
    }

    /// `100·(close − LL)/(HH − LL)`, 0 on a flat window (TA-Lib 0.8's scaled test), as `StochF.fastKLine`.
    @inline(__always)
    static func rawK(_ window: (maximum: Double, minimum: Double), close: Double) -> Double {
        let range = window.maximum - window.minimum
        return Swift.abs(range) > 1e-14 * (Swift.abs(window.maximum) + Swift.abs(window.minimum))
            ? (close - window.minimum) / (range / 100) : 0
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        extremes.reset()
        smoothing.reset()
        index = 0
    }
}
