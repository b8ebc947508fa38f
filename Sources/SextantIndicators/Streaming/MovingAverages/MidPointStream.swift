/// Midpoint of a window, one bar at a time: the streaming twin of `MidPoint`
/// (`(highest(x, n) + lowest(x, n)) / 2`).
///
/// State: the window's extremes in a `StreamExtremes` (the batch kernel's block scheme, bar by bar).
public struct MidPointStream: SeriesStream {
    /// The window length.
    public let length: Int
    private var extremes: StreamExtremes

    /// A `length`-bar midpoint; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        extremes = StreamExtremes(length: length)
    }

    /// `MidPoint.lookback(length:)`.
    public var lookback: Int { MidPoint.lookback(length: length) }

    /// The midpoint of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1, let window = extremes.next(high: value, low: value) else { return .nan }
        return (window.maximum + window.minimum) / 2
    }

    /// Forgets every bar seen.
    public mutating func reset() { extremes.reset() }
}
