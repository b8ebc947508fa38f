/// Commodity channel index, one bar at a time: the streaming twin of `CCI`; reads high, low and close.
///
/// State: the last `length` typical prices in a ring. The mean *absolute* deviation has to visit the
/// whole window whenever the mean moves (there is no exact running form, and the order-statistic tree
/// that would make it O(log n) is not exact in floating point: see `CCI`), so — like the batch kernel
/// and TA-Lib — each bar sums the window afresh, oldest first: O(length) per bar, bounded by the fixed
/// window, with the batch's bit pattern.
public struct CCIStream: BarStream {
    /// The window length.
    public let length: Int
    private var typical: StreamRing
    private var index = 0

    /// A `length`-bar CCI; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        typical = StreamRing(capacity: length)
    }

    /// `CCI.lookback(length:)`.
    public var lookback: Int { CCI.lookback(length: length) }

    /// The CCI at this bar; NaN during the warm-up and when high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(high.isNaN || low.isNaN || close.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let price = (high + low + close) / 3
        typical.push(price)
        let first = length - 1
        guard index >= first else {
            index += 1
            return .nan
        }
        let n = Double(length)
        var sum = 0.0
        typical.forEachOldestFirst(length) { sum += $0 }
        let mean = sum / n
        var deviation = 0.0
        typical.forEachOldestFirst(length) { deviation += Swift.abs($0 - mean) }
        deviation /= n
        let distance = price - mean
        let scale = 1e-14 * Swift.abs(mean)
        guard Swift.abs(distance) > scale, Swift.abs(deviation) > scale else { return 0 }
        return distance / (0.015 * deviation)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        typical.reset()
        index = 0
    }
}
