/// Williams' %R, one bar at a time: the streaming twin of `WillR`; reads high, low and close.
///
/// State: the window extremes in a `StreamExtremes` (the batch kernel's block scheme, bar by bar).
public struct WillRStream: BarStream {
    /// The window length.
    public let length: Int
    private var extremes: StreamExtremes

    /// A `length`-bar %R; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        extremes = StreamExtremes(length: length)
    }

    /// `WillR.lookback(length:)`.
    public var lookback: Int { WillR.lookback(length: length) }

    /// %R at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1, let window = extremes.next(high: high, low: low) else { return .nan }
        let range = window.maximum - window.minimum
        return Swift.abs(range) > 1e-14 * (Swift.abs(window.maximum) + Swift.abs(window.minimum))
            ? (window.maximum - close) / (range / -100) : 0
    }

    /// Forgets every bar seen.
    public mutating func reset() { extremes.reset() }
}
