/// Highest value of the last `length` bars, one bar at a time: the streaming twin of `Highest`.
///
/// State: a monotonic deque (`StreamDeque`) of the window's candidates with their bar indices, O(1)
/// amortized per bar, and the bar's place in the run.
public struct HighestStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var window: StreamDeque
    private var index = 0

    /// The highest of each `length`-bar window; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamDeque(window: length, maximum: true)
    }

    /// `Highest.lookback(length:)`.
    public var lookback: Int { Highest.lookback(length: length) }

    /// The highest value of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        window.push(bar, value)
        window.expire(before: bar - length + 1)
        return bar >= length - 1 ? window.frontValue : .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        window.removeAll()
        index = 0
    }
}
