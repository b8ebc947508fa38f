/// Rolling maximum drawdown, one bar at a time: the streaming twin of `MaxDrawdown`.
///
/// State: the window in a `StreamWindow`. The batch kernel recomputes every window (a drawdown needs
/// the window's running peak from its first bar), so the stream calls the same per-window function,
/// `MaxDrawdown.drawdown`, on the same values in the same order: O(length) per bar, as the batch.
public struct MaxDrawdownStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var window: StreamWindow

    /// The `length`-bar maximum drawdown; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamWindow(capacity: length)
    }

    /// `MaxDrawdown.lookback(length:)`.
    public var lookback: Int { MaxDrawdown.lookback(length: length) }

    /// The maximum drawdown of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        window.push(value)
        guard window.isFull else { return .nan }
        let count = length
        return window.withWindow { MaxDrawdown.drawdown($0, count: count) }
    }

    /// Forgets every bar seen.
    public mutating func reset() { window.reset() }
}
