public import SextantLanguage

extension BarName {
    /// The value of this name on one bar. The batch and stream evaluators both compute derived names
    /// (`hl2`, `hlc3`, `ohlc4`) here, so that they agree bit for bit.
    @inline(__always)
    public func value(
        open: Double, high: Double, low: Double, close: Double, volume: Double, time: Int64, index: Int
    ) -> Double {
        switch self {
        case .open: open
        case .high: high
        case .low: low
        case .close: close
        case .volume: volume
        case .hl2: (high + low) / 2
        case .hlc3: (high + low + close) / 3
        case .ohlc4: (open + high + low + close) / 4
        case .time: Double(time)
        case .barIndex: Double(index)
        }
    }
}
