/// Rate of change in percent, one bar at a time: the streaming twin of `ROC`
/// (`(x/x[length] − 1)·100`, 0 when `x[length]` is 0).
///
/// State: the last `length` values in a ring and the bar's place in the run.
public struct ROCStream: SeriesStream {
    /// How many bars back the value is compared with.
    public let length: Int
    private var window: StreamRing
    private var index = 0

    /// A `length`-bar rate of change; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamRing(capacity: length)
    }

    /// `ROC.lookback(length:)`.
    public var lookback: Int { ROC.lookback(length: length) }

    /// The rate of change at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let previous = window.push(value)
        guard index >= length else {
            index += 1
            return .nan
        }
        return previous != 0 ? (value / previous - 1) * 100 : 0
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        window.reset()
        index = 0
    }
}
