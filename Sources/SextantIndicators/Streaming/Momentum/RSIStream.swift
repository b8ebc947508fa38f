/// Wilder's RSI, one bar at a time: the streaming twin of `RSI` (and, as `CMOStream`'s core, of `CMO`).
///
/// State: the previous value, the seed sums of gains and losses, the (gain, loss) averages at the
/// start of the current pair of bars and the first bar's (gain, loss) of that pair. The batch kernel
/// advances the averages two bars per step (`WilderAverage.step2`) with the bar in between hanging off
/// the chain; the stream keeps that pairing, counted from the first bar after the seed, and the same
/// `SIMD2` operations, so every output has the batch's bit pattern.
public struct RSIStream: SeriesStream {
    /// The period.
    public let length: Int
    private let oscillator: Bool
    private let wilder: WilderAverage
    private var index = 0
    private var previous = 0.0
    private var gain = 0.0
    private var loss = 0.0
    private var averages = SIMD2<Double>.zero
    private var pending = SIMD2<Double>.zero

    /// A `length`-bar RSI; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.init(length: length, oscillator: false)
    }

    /// An RSI, or with `oscillator` CMO's `100·(gain − loss)/(gain + loss)`.
    init(length: Int, oscillator: Bool) {
        self.length = length
        self.oscillator = oscillator
        wilder = WilderAverage(length: Swift.max(length, 1))
    }

    /// `RSI.lookback(length:)`.
    public var lookback: Int { RSI.lookback(length: length) }

    /// The RSI at this bar; NaN during the warm-up and on NaN input.
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
        let change = value - previous
        previous = value
        if bar == 0 { return .nan }
        if bar <= length {
            if change < 0 { loss -= change } else { gain += change }
            guard bar == length else { return .nan }
            averages = SIMD2(gain / Double(length), loss / Double(length))
            return output(averages)
        }
        let split = pointwiseMax(SIMD2(change, -change), .zero)
        if (bar - length - 1) & 1 == 0 {
            // First bar of a pair: off the chain.
            pending = split
            return output(wilder.step(averages, split))
        }
        averages = wilder.step2(averages, pending, split)
        return output(averages)
    }

    /// RSI (or CMO) of one (gain, loss) pair; 0 where the sum is 0.
    @inline(__always)
    private func output(_ pair: SIMD2<Double>) -> Double {
        let total = pair.x + pair.y
        let numerator = oscillator ? pair.x - pair.y : pair.x
        return total == 0 ? 0 : 100 * (numerator / total)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        index = 0
        previous = 0
        gain = 0
        loss = 0
        averages = .zero
        pending = .zero
    }
}
