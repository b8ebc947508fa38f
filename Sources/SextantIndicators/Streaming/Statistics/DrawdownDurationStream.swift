/// Rolling longest drawdown duration, one bar at a time: the streaming twin of `DrawdownDuration`.
///
/// State: the window in a `StreamWindow`. The batch kernel recomputes every window (the running peak
/// starts at the window's first bar), so the stream calls the same per-window function,
/// `DrawdownDuration.longestUnderWater`, on the same values: O(length) per bar, as the batch.
public struct DrawdownDurationStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var window: StreamWindow

    /// The `length`-bar longest drawdown duration; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        window = StreamWindow(capacity: length)
    }

    /// `DrawdownDuration.lookback(length:)`.
    public var lookback: Int { DrawdownDuration.lookback(length: length) }

    /// The longest under-water run, in bars, of the window ending at this bar; NaN during the warm-up
    /// and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        window.push(value)
        guard window.isFull else { return .nan }
        let count = length
        return Double(window.withWindow { DrawdownDuration.longestUnderWater($0, count: count) })
    }

    /// Forgets every bar seen.
    public mutating func reset() { window.reset() }
}
