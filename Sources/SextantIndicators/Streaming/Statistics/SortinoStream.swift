/// Rolling annualized Sortino ratio, one bar at a time: the streaming twin of `Sortino`.
///
/// State: two `StreamWindowSum`s (the batch's `WindowSum` blocking), of the returns and of the squared
/// shortfalls, so "no loss in the window" is an exact 0 here as in the batch.
public struct SortinoStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// Bars in a year.
    public let periods: Double
    private let scale: Double
    private let annualization: Double
    private var returns: StreamWindowSum
    private var downside: StreamWindowSum

    /// The `length`-bar Sortino ratio annualized over `periods` bars; `length` < 1 gives NaN on every
    /// bar.
    public init(length: Int, periods: Double) {
        self.length = length
        self.periods = periods
        scale = 1 / Double(length)
        annualization = periods.squareRoot()
        returns = StreamWindowSum(length: length)
        downside = StreamWindowSum(length: length)
    }

    /// `Sortino.lookback(length:)`.
    public var lookback: Int { Sortino.lookback(length: length) }

    /// The Sortino ratio of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let loss = Swift.min(value, 0)
        let total = returns.next(value)
        guard let shortfall = downside.next(loss * loss), let total else { return .nan }
        let deviation = (shortfall * scale).squareRoot()
        return total * scale / deviation * annualization
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        returns.reset()
        downside.reset()
    }
}
