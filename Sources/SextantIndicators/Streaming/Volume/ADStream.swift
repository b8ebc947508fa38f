/// Chaikin accumulation/distribution line, one bar at a time: the streaming twin of `AD`; reads high,
/// low, close and volume.
///
/// State: the running total of the run.
public struct ADStream: BarStream {
    private var total = 0.0

    /// An A/D stream.
    public init() {}

    /// `AD.lookback()`.
    public var lookback: Int { AD.lookback() }

    /// The A/D line at this bar; NaN when an input is NaN (the next run starts from 0).
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN || volume.isNaN) else {
            reset()
            return .nan
        }
        total += AD.flow(high, low, close, volume)
        return total
    }

    /// Forgets every bar seen.
    public mutating func reset() { total = 0 }
}
