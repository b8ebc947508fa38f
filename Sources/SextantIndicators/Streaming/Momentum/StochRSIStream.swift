/// Stochastic RSI, one bar at a time: the streaming twin of `StochRSI` (`StochF` of the RSI).
///
/// State: an `RSIStream` and a `StochFStream` fed the RSI (as high, low and close) from its first value
/// on, as the batch kernel runs STOCHF over the RSI's valid part, and the bar's place in the run.
public struct StochRSIStream: SeriesStream {
    /// The RSI period.
    public let length: Int
    private var rsi: RSIStream
    private var stochastic: StochFStream
    private var index = 0

    /// STOCHRSI with an SMA %D; lengths < 1 give NaN on every bar.
    public init(length: Int, fastKLength: Int, fastDLength: Int) {
        self.length = length
        rsi = RSIStream(length: length)
        stochastic = StochFStream(fastKLength: fastKLength, fastDLength: fastDLength)
    }

    /// The %K window.
    public var fastKLength: Int { stochastic.fastKLength }
    /// The %D smoothing.
    public var fastDLength: Int { stochastic.fastDLength }

    /// `StochRSI.lookback(length:fastKLength:fastDLength:)`.
    public var lookback: Int {
        StochRSI.lookback(length: length, fastKLength: fastKLength, fastDLength: fastDLength)
    }

    /// %K and %D of the RSI at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> StochFStream.Output {
        guard !value.isNaN else {
            reset()
            return .unavailable
        }
        guard length >= 1, fastKLength >= 1, fastDLength >= 1 else { return .unavailable }
        let bar = index
        index += 1
        let line = rsi.next(value)
        guard bar >= length else { return .unavailable }
        return stochastic.next(high: line, low: line, close: line)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        rsi.reset()
        stochastic.reset()
        index = 0
    }
}
