/// Population variance over a window, one bar at a time: the streaming twin of `Variance`.
///
/// State: a `StreamVariance` (the batch kernel's shifted running sums and rebuild schedule).
public struct VarianceStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var core: StreamVariance

    /// A `length`-bar variance; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamVariance(length: length)
    }

    /// `Variance.lookback(length:)`.
    public var lookback: Int { Variance.lookback(length: length) }

    /// The variance of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1, let window = core.next(value) else { return .nan }
        return window.variance
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
