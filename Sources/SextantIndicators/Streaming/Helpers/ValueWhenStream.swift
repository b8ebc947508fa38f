/// A series' value on the bar where a condition was true, `occurrence` true bars back, one bar at a
/// time: the streaming twin of `ValueWhen`.
///
/// State: the values of the last `occurrence + 1` true bars in a ring and how many true bars there
/// have been (capped once the ring is full).
public struct ValueWhenStream: ConditionalStream {
    /// How many true bars back (0 = the most recent, which may be the current bar).
    public let occurrence: Int
    private var remembered: StreamRing
    private var seen = 0

    /// The value `occurrence` true bars back; `occurrence` < 0 gives NaN on every bar.
    public init(occurrence: Int) {
        self.occurrence = occurrence
        remembered = StreamRing(capacity: occurrence + 1)
    }

    /// `ValueWhen.lookback()`.
    public var lookback: Int { ValueWhen.lookback() }

    /// The remembered value at this bar; NaN until `occurrence + 1` true bars have been seen.
    public mutating func update(when condition: Bool, _ value: Double) -> Double {
        guard occurrence >= 0 else { return .nan }
        if condition {
            remembered.push(value)
            // Only whether `seen > occurrence` matters, so the count stops there and cannot overflow.
            seen = Swift.min(seen + 1, occurrence + 1)
        }
        return seen > occurrence ? remembered.back(occurrence) : .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        remembered.reset()
        seen = 0
    }
}
