/// How the leader lock is held: the key's time to live, and from it how often it is renewed and how long
/// before the key's expiry the holder stops counting itself leader.
public struct LeaderLockSettings: Sendable, Equatable {
    /// The lock key's time to live (`PX`), refreshed at each renewal. A crashed leader's lock frees itself
    /// after this long, so it bounds how long an account goes untraded when its leader dies.
    public var ttl: Duration

    /// A lock living `ttl` (default 10 s; at least 30 ms).
    public init(ttl: Duration = .seconds(10)) {
        self.ttl = max(ttl, .milliseconds(30))
    }

    /// Renewal (or, for a follower, acquisition) is attempted every third of the TTL, so two attempts
    /// can fail before the lease runs out.
    public var renewInterval: Duration { ttl / 3 }

    /// The holder counts itself leader until `ttl - safetyMargin` after it sent the command that set or
    /// renewed the key: the server started the key's TTL later than that, and the margin covers the two
    /// clocks running at slightly different rates (Redlock's reasoning; 1% of the TTL plus 2 ms is its
    /// drift allowance, 10% leaves room for a stalled thread too).
    public var safetyMargin: Duration { ttl / 10 + .milliseconds(2) }
}
