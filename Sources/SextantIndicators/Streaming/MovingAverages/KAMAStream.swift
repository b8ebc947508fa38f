/// Kaufman adaptive moving average, one bar at a time: the streaming twin of `KAMA`.
///
/// State: the last `length + 2` values in a ring (the change leaving the window is between the two
/// oldest), the running sum of absolute changes and the KAMA. The sum is kept exactly as the batch
/// kernel keeps it, so every output has its bit pattern.
public struct KAMAStream: SeriesStream {
    /// The efficiency window.
    public let length: Int
    private var window: StreamRing
    private var index = 0
    private var changes = 0.0
    private var kama = 0.0

    private static let slowest = 2.0 / (30.0 + 1.0)
    private static let span = 2.0 / (2.0 + 1.0) - slowest

    /// A `length`-bar KAMA (fast 2, slow 30); length 1 copies the input; `length` < 1 gives NaN.
    public init(length: Int) {
        self.length = length
        window = StreamRing(capacity: length + 2)
    }

    /// `KAMA.lookback(length:)`.
    public var lookback: Int { KAMA.lookback(length: length) }

    /// The KAMA at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        if length == 1 { return value }
        guard length >= 1 else { return .nan }
        let bar = index
        index += 1
        window.push(value)
        if bar == 0 { return .nan }
        let previous = window.back(1)
        if bar <= length {
            // The seed sum covers the changes into bars 1…n, accumulated in that order.
            changes += Swift.abs(previous - value)
            if bar == length - 1 { kama = value }
            guard bar == length else { return .nan }
        } else {
            changes -= Swift.abs(window.back(length + 1) - window.back(length))
            changes += Swift.abs(value - previous)
        }
        let old = window.back(length)
        let direction = value - old
        let efficiency = (changes <= direction || changes == 0) ? 1.0 : Swift.abs(direction / changes)
        var smoothing = efficiency * Self.span + Self.slowest
        smoothing *= smoothing
        kama = (value - kama) * smoothing + kama
        return kama
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        window.reset()
        index = 0
        changes = 0
        kama = 0
    }
}
