/// How often the engine's heartbeat key is written and how long it outlives the last write: a monitor
/// that finds the key gone knows the engine has not been heard from for `ttl`.
public struct HeartbeatSettings: Sendable, Equatable {
    /// Time between writes.
    public var interval: Duration
    /// The key's time to live, longer than `interval` so that one late write does not read as death.
    public var ttl: Duration

    /// Every `interval` (default 1 s), living `ttl` (default three intervals; at least one interval).
    public init(interval: Duration = .seconds(1), ttl: Duration? = nil) {
        self.interval = max(interval, .milliseconds(10))
        self.ttl = max(ttl ?? self.interval * 3, self.interval)
    }
}
