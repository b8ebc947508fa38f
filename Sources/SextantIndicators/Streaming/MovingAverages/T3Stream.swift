/// Tillson's T3, one bar at a time: the streaming twin of `T3`.
///
/// State: six chained `EMAStream`s, each fed its input from that input's first value on, the four
/// coefficients (computed as the batch kernel computes them) and the bar's place in the run.
public struct T3Stream: SeriesStream {
    /// The period of the EMAs.
    public let length: Int
    /// The volume factor `a`.
    public let volumeFactor: Double
    private let c1: Double
    private let c2: Double
    private let c3: Double
    private let c4: Double
    private var e1: EMAStream
    private var e2: EMAStream
    private var e3: EMAStream
    private var e4: EMAStream
    private var e5: EMAStream
    private var e6: EMAStream
    private var index = 0

    /// The T3 of period `length` and volume factor `volumeFactor`; `length` < 1 gives NaN on every bar.
    public init(length: Int, volumeFactor a: Double) {
        self.length = length
        volumeFactor = a
        let a2 = a * a
        let a3 = a2 * a
        c1 = -a3
        c2 = 3 * (a2 + a3)
        c3 = -3 * (2 * a2 + a + a3)
        c4 = 1 + 3 * a + a3 + 3 * a2
        e1 = EMAStream(length: length)
        e2 = e1
        e3 = e1
        e4 = e1
        e5 = e1
        e6 = e1
    }

    /// `T3.lookback(length:)`.
    public var lookback: Int { T3.lookback(length: length) }

    /// The T3 at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        let shift = length - 1
        let v1 = e1.next(value)
        guard bar >= shift else { return .nan }
        let v2 = e2.next(v1)
        guard bar >= 2 * shift else { return .nan }
        let v3 = e3.next(v2)
        guard bar >= 3 * shift else { return .nan }
        let v4 = e4.next(v3)
        guard bar >= 4 * shift else { return .nan }
        let v5 = e5.next(v4)
        guard bar >= 5 * shift else { return .nan }
        let v6 = e6.next(v5)
        guard bar >= 6 * shift else { return .nan }
        return c1 * v6 + c2 * v5 + c3 * v4 + c4 * v3
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        e1.reset()
        e2.reset()
        e3.reset()
        e4.reset()
        e5.reset()
        e6.reset()
        index = 0
    }
}
