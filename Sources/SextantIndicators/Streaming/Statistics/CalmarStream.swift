/// Rolling Calmar ratio, one bar at a time: the streaming twin of `Calmar`.
///
/// State: the window in a `StreamWindow`. The batch kernel recomputes every window (the equity curve
/// is compounded from 1 at the window's first return), so the stream calls the same per-window
/// function, `Calmar.ratio`, with the same exponent on the same values: O(length) per bar, as the
/// batch.
public struct CalmarStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// Bars in a year.
    public let periods: Double
    private let exponent: Double
    private var window: StreamWindow

    /// The `length`-bar Calmar ratio annualized over `periods` bars; `length` < 1 gives NaN on every
    /// bar.
    public init(length: Int, periods: Double) {
        self.length = length
        self.periods = periods
        exponent = periods / Double(length)
        window = StreamWindow(capacity: length)
    }

    /// `Calmar.lookback(length:)`.
    public var lookback: Int { Calmar.lookback(length: length) }

    /// The Calmar ratio of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        window.push(value)
        guard window.isFull else { return .nan }
        let (count, exponent) = (length, exponent)
        return window.withWindow { Calmar.ratio($0, count: count, exponent: exponent) }
    }

    /// Forgets every bar seen.
    public mutating func reset() { window.reset() }
}
