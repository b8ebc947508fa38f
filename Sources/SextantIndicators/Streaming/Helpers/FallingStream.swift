/// True when the source fell on each of the last `length` bars, one bar at a time: the streaming twin
/// of `Falling`.
///
/// State: the previous value, whether there was one, and the count of consecutive bars that fell. Like
/// the batch form it does not restart after a NaN: a comparison with NaN is false and resets the count.
public struct FallingStream: SeriesStream {
    /// How many consecutive bars must have fell.
    public let length: Int
    private var previous = 0.0
    private var started = false
    private var streak = 0

    /// The condition over `length` bars; `length` < 1 gives false on every bar.
    public init(length: Int) {
        self.length = length
    }

    /// `Falling.lookback(length:)`.
    public var lookback: Int { Falling.lookback(length: length) }

    /// Whether the source fell on each of the last `length` bars (false on the first bar).
    public mutating func update(_ value: Double) -> Bool {
        if started { streak = value < previous ? streak + 1 : 0 }
        previous = value
        started = true
        return length >= 1 && streak >= length
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        previous = 0
        started = false
        streak = 0
    }
}
