/// Double exponential moving average, one bar at a time: the streaming twin of `DEMA` (`2·E1 − E2`).
///
/// State: the two chained `EMAStream`s and the bar's place in the run; E2 is fed E1 from E1's first
/// value on, as the batch kernel runs it over E1's valid part, so each EMA keeps its own seed and pair
/// phase.
public struct DEMAStream: SeriesStream {
    /// The period of both EMAs.
    public let length: Int
    private var first: EMAStream
    private var second: EMAStream
    private var index = 0

    /// A `length`-bar DEMA; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        first = EMAStream(length: length)
        second = EMAStream(length: length)
    }

    /// `DEMA.lookback(length:)`.
    public var lookback: Int { DEMA.lookback(length: length) }

    /// The DEMA at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        let e1 = first.next(value)
        guard bar >= length - 1 else { return .nan }
        let e2 = second.next(e1)
        guard bar >= lookback else { return .nan }
        return 2 * e1 - e2
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        first.reset()
        second.reset()
        index = 0
    }
}
