/// The delays between reconnection attempts: `initial`, doubling at each failure, capped at `maximum`,
/// back to `initial` after a success. Without jitter: one engine per account has nobody to collide with.
public struct ReconnectBackoff: Sendable, Equatable {
    /// The first delay.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration
    private var failures = 0

    /// Delays from `initial` (default 100 ms) up to `maximum` (default 5 s).
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The delay before the next attempt after one more failure.
    public mutating func nextDelay() -> Duration {
        // Doubling stops at the cap, so the shift never overflows however long Redis stays away.
        var delay = initial
        var doublings = 0
        while doublings < failures && delay < maximum {
            delay *= 2
            doublings += 1
        }
        failures += 1
        return min(delay, maximum)
    }

    /// Back to the first delay (after a successful connect).
    public mutating func reset() {
        failures = 0
    }
}
