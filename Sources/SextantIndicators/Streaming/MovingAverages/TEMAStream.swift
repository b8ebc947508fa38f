/// Triple exponential moving average, one bar at a time: the streaming twin of `TEMA`
/// (`3·E1 − 3·E2 + E3`).
///
/// State: three chained `EMAStream`s, each fed its input from that input's first value on (as the
/// batch kernel runs each EMA over the previous one's valid part), and the bar's place in the run.
public struct TEMAStream: SeriesStream {
    /// The period of the EMAs.
    public let length: Int
    private var first: EMAStream
    private var second: EMAStream
    private var third: EMAStream
    private var index = 0

    /// A `length`-bar TEMA; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        first = EMAStream(length: length)
        second = EMAStream(length: length)
        third = EMAStream(length: length)
    }

    /// `TEMA.lookback(length:)`.
    public var lookback: Int { TEMA.lookback(length: length) }

    /// The TEMA at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        let shift = length - 1
        let e1 = first.next(value)
        guard bar >= shift else { return .nan }
        let e2 = second.next(e1)
        guard bar >= 2 * shift else { return .nan }
        let e3 = third.next(e2)
        guard bar >= 3 * shift else { return .nan }
        return 3 * e1 - 3 * e2 + e3
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        first.reset()
        second.reset()
        third.reset()
        index = 0
    }
}
