/// Rolling annualized Sharpe ratio, one bar at a time: the streaming twin of `Sharpe`.
///
/// State: a `StreamVariance` (the batch kernel's `RollingVariance` recurrence), so each window's mean
/// and variance, and the ratio formed from them by the batch's expression, have the batch's bits.
public struct SharpeStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// Bars in a year.
    public let periods: Double
    private let correction: Double
    private let annualization: Double
    private var core: StreamVariance

    /// The `length`-bar Sharpe ratio annualized over `periods` bars; `length` < 2 gives NaN on every bar.
    public init(length: Int, periods: Double) {
        self.length = length
        self.periods = periods
        correction = Double(length) / Double(length - 1)
        annualization = periods.squareRoot()
        core = StreamVariance(length: length)
    }

    /// `Sharpe.lookback(length:)`.
    public var lookback: Int { Sharpe.lookback(length: length) }

    /// The Sharpe ratio of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 2, let window = core.next(value) else { return .nan }
        return window.mean / (window.variance * correction).squareRoot() * annualization
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
