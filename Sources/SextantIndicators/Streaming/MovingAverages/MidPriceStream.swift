/// Midpoint price of a window, one bar at a time: the streaming twin of `MidPrice`
/// (`(highest(high, n) + lowest(low, n)) / 2`); reads high and low.
///
/// State: the window's extremes in a `StreamExtremes` (the batch kernel's block scheme, bar by bar).
public struct MidPriceStream: BarStream {
    /// The window length.
    public let length: Int
    private var extremes: StreamExtremes

    /// A `length`-bar midprice; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        extremes = StreamExtremes(length: length)
    }

    /// `MidPrice.lookback(length:)`.
    public var lookback: Int { MidPrice.lookback(length: length) }

    /// The midprice of the window ending at this bar; NaN during the warm-up and when high or low is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1, let window = extremes.next(high: high, low: low) else { return .nan }
        return (window.maximum + window.minimum) / 2
    }

    /// Forgets every bar seen.
    public mutating func reset() { extremes.reset() }
}
