/// True when the source rose on each of the last `length` bars, one bar at a time: the streaming twin
/// of `Rising`.
///
/// State: the previous value, whether there was one, and the count of consecutive bars that rose. Like
/// the batch form it does not restart after a NaN: a comparison with NaN is false and resets the count.
public struct RisingStream: SeriesStream {
    /// How many consecutive bars must have rose.
    public let length: Int
    private var previous = 0.0
    private var started = false
    private var streak = 0

    /// The condition over `length` bars; `length` < 1 gives false on every bar.
    public init(length: Int) {
        self.length = length
    }

    /// `Rising.lookback(length:)`.
    public var lookback: Int { Rising.lookback(length: length) }

    /// Whether the source rose on each of the last `length` bars (false on the first bar).
    public mutating func update(_ value: Double) -> Bool {
        if started { streak = value > previous ? streak + 1 : 0 }
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
