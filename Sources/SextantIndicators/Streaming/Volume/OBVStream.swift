/// On-balance volume, one bar at a time: the streaming twin of `OBV`; reads close and volume.
///
/// State: the previous close, the running total and whether the run has started.
public struct OBVStream: BarStream {
    private var previousClose = 0.0
    private var total = 0.0
    private var started = false

    /// An on-balance-volume stream.
    public init() {}

    /// `OBV.lookback()`.
    public var lookback: Int { OBV.lookback() }

    /// The on-balance volume at this bar; NaN when close or volume is NaN (the next run starts afresh).
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(close.isNaN || volume.isNaN) else {
            reset()
            return .nan
        }
        if started {
            let change = close - previousClose
            if change > 0 {
                total += volume
            } else if change < 0 {
                total -= volume
            }
        } else {
            total = volume
            started = true
        }
        previousClose = close
        return total
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        previousClose = 0
        total = 0
        started = false
    }
}
