/// Linearly weighted moving average, one bar at a time: the streaming twin of `WMA`.
///
/// State: the last `length` values in a ring, the weighted sum `S` and the plain sum `T`
/// (`S += n·x − T`, then `T += x − oldest`), and the bars left in the current block. Both sums are
/// rebuilt from the window at the batch kernel's block starts, so every output has its bit pattern.
public struct WMAStream: SeriesStream {
    /// The window length.
    public let length: Int
    private let divider: Double
    private let blockLength: Int
    private var window: StreamRing
    private var index = 0
    private var weighted = 0.0
    private var plain = 0.0
    private var blockLeft = 0

    /// A `length`-bar WMA; `length` < 1 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        let n = Double(length)
        divider = n * (n + 1) / 2
        blockLength = Swift.max(32 * length, 1024)
        window = StreamRing(capacity: length)
    }

    /// `WMA.lookback(length:)`.
    public var lookback: Int { WMA.lookback(length: length) }

    /// The WMA of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1 else { return .nan }
        let oldest = window.push(value)
        let first = length - 1
        guard index >= first else {
            index += 1
            return .nan
        }
        index += 1
        if blockLeft == 0 {
            weighted = 0
            plain = 0
            for offset in 0..<length {
                let element = window.back(first - offset)
                weighted += Double(offset + 1) * element
                plain += element
            }
            blockLeft = blockLength - 1
        } else {
            weighted += value * Double(length) - plain
            plain += value - oldest
            blockLeft -= 1
        }
        return weighted / divider
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        window.reset()
        index = 0
        weighted = 0
        plain = 0
        blockLeft = 0
    }
}
