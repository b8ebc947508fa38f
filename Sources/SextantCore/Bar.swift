/// One OHLCV bar. Columnar storage (`BarSeries`) is what the evaluators use; `Bar` is the row view
/// for feeds and tests.
public struct Bar: Sendable, Hashable, Codable {
    /// Bar open time, seconds since the Unix epoch (UTC).
    public var time: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    /// Creates a bar.
    public init(time: Int64, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// The value of one field.
    public subscript(field: BarField) -> Double {
        switch field {
        case .open: open
        case .high: high
        case .low: low
        case .close: close
        case .volume: volume
        }
    }
}
