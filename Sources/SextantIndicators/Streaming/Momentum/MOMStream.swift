/// Momentum, one bar at a time: the streaming twin of `MOM` (`x − x[length]`).
///
/// State: the last `length` values in a ring and the bar's place in the run.
public struct MOMStream: SeriesStream {
    /// How many bars back the value is compared with.
    public let length: Int
    private var window: StreamRing
    private var index = 0

    /// A `length`-bar momentum; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamRing(capacity: length)
    }

    /// `MOM.lookback(length:)`.
    public var lookback: Int { MOM.lookback(length: length) }

    /// `value − value[length]`; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let old = window.push(value)
        guard index >= length else {
            index += 1
            return .nan
        }
        return value - old
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        window.reset()
        index = 0
    }
}
