/// Exponential moving average, one bar at a time: the streaming twin of `EMA`.
///
/// State: the sum of the seed values, the EMA at the start of the current pair of bars and the first
/// value of that pair. The batch kernel advances two bars per step (`e[i+1] = e[i−1]·d² + (x[i]·k·d +
/// x[i+1]·k)`, the bar in between hanging off the chain); the stream keeps the same pairing, counted
/// from the run's first bar after the seed, so every output has the batch's bit pattern.
public struct EMAStream: SeriesStream {
    /// The period.
    public let length: Int
    private let factor: Double
    private let decay: Double
    private let decay2: Double
    private let factorDecay: Double
    private var index = 0
    private var seedSum = 0.0
    private var ema = 0.0
    private var pending = 0.0

    /// A `length`-bar EMA (`k = 2/(length + 1)`); `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        factor = EMA.factor(length)
        decay = 1 - factor
        decay2 = decay * decay
        factorDecay = factor * decay
    }

    /// `EMA.lookback(length:)`.
    public var lookback: Int { EMA.lookback(length: length) }

    /// The EMA at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        return next(value)
    }

    /// `update` without the NaN test, for streams that feed it values of their own run.
    @inline(__always)
    mutating func next(_ value: Double) -> Double {
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        if bar < length {
            seedSum += value
            guard bar == length - 1 else { return .nan }
            ema = seedSum / Double(length)
            return ema
        }
        if (bar - length) & 1 == 0 {
            // First bar of a pair: off the chain.
            pending = value
            return ema * decay + value * factor
        }
        ema = ema * decay2 + (pending * factorDecay + value * factor)
        return ema
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        seedSum = 0
        ema = 0
        pending = 0
    }
}
