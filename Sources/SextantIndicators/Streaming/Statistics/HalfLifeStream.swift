/// Rolling mean-reversion half-life, one bar at a time: the streaming twin of `HalfLife`.
///
/// State: the window in a `StreamWindow`. The batch kernel refits the AR(1) regression on every window
/// (its two-pass means are not running sums), so the stream calls the same per-window function,
/// `HalfLife.estimate`, on the same values in the same order: O(length) per bar, as the batch.
public struct HalfLifeStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var window: StreamWindow

    /// The `length`-bar half-life; `length` below `HalfLife.minimumLength` gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamWindow(capacity: length)
    }

    /// `HalfLife.lookback(length:)`.
    public var lookback: Int { HalfLife.lookback(length: length) }

    /// The half-life, in bars, of the window ending at this bar; NaN during the warm-up, on NaN input
    /// and where the window does not mean-revert.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= HalfLife.minimumLength else { return .nan }
        window.push(value)
        guard window.isFull else { return .nan }
        let count = length
        return window.withWindow { HalfLife.estimate($0, count: count) }
    }

    /// Forgets every bar seen.
    public mutating func reset() { window.reset() }
}
