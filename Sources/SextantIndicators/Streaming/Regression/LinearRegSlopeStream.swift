/// The slope per bar of the least-squares line over the last `length` values, one bar at a time: the streaming twin of `LinearRegSlope`.
///
/// State: a `StreamLinearRegression` (the window in a ring and the batch kernel's sliding sums, rebuilt
/// on its schedule): O(1) per bar, amortized.
public struct LinearRegSlopeStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var core: StreamLinearRegression

    /// The result over `length` bars; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        core = StreamLinearRegression(length: length, output: .slope)
    }

    /// `LinearRegSlope.lookback(length:)`.
    public var lookback: Int { LinearRegSlope.lookback(length: length) }

    /// The result for the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        return core.next(value) ?? .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
