/// Population standard deviation over a window times a multiplier, one bar at a time: the streaming
/// twin of `StdDev`.
///
/// State: a `StreamVariance` (the batch kernel's shifted running sums and rebuild schedule).
public struct StdDevStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// The factor applied to the standard deviation (TA-Lib's `nbdev`).
    public let multiplier: Double
    private var core: StreamVariance

    /// `multiplier` times the `length`-bar standard deviation; `length` < 1 gives NaN on every bar.
    public init(length: Int, multiplier: Double) {
        self.length = length
        self.multiplier = multiplier
        core = StreamVariance(length: length)
    }

    /// `StdDev.lookback(length:)`.
    public var lookback: Int { StdDev.lookback(length: length) }

    /// The scaled standard deviation at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1, let window = core.next(value) else { return .nan }
        return Lanes.squareRoot(window.variance) * multiplier
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
