/// Simple moving average, one bar at a time: the streaming twin of `SMA`.
///
/// State: the last `length` values in a ring, the running window sum and the bars left in the current
/// block. Like the batch kernel it adds the newest value less the oldest, and recomputes the sum from
/// the window (oldest first) at the first output and every `max(32·length, 1024)` bars after it, so
/// every output has the batch's bit pattern; the rebuild is O(length) once per block, O(1) amortized.
public struct SMAStream: SeriesStream {
    /// The window length.
    public let length: Int
    private let scale: Double
    private let blockLength: Int
    private var window: StreamRing
    private var index = 0
    private var sum = 0.0
    private var blockLeft = 0

    /// A `length`-bar SMA; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        scale = 1 / Double(Swift.max(length, 1))
        blockLength = Swift.max(32 * length, 1024)
        window = StreamRing(capacity: length)
    }

    /// `SMA.lookback(length:)`.
    public var lookback: Int { SMA.lookback(length: length) }

    /// The SMA of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        return next(value)
    }

    /// `update` without the NaN test, for streams that feed it values of their own run.
    @inline(__always)
    mutating func next(_ value: Double) -> Double {
        guard length >= 1 else { return .nan }
        let oldest = window.push(value)
        let first = length - 1
        guard index >= first else {
            index += 1
            return .nan
        }
        index += 1
        if blockLeft == 0 {
            var total = 0.0
            window.forEachOldestFirst(length) { total += $0 }
            sum = total
            blockLeft = blockLength - 1
        } else {
            sum += value - oldest
            blockLeft -= 1
        }
        return sum * scale
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        window.reset()
        index = 0
        sum = 0
        blockLeft = 0
    }
}
