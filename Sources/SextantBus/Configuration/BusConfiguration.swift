/// Everything a `RedisBus` needs: where Redis is, whose events these are, and the timings of its
/// duties. Only `url`, `account` and `engineID` have no default.
public struct BusConfiguration: Sendable, Equatable {
    /// The server (`bus:` of the engine file, with the password from the environment).
    public var url: BusURL
    /// The account the engine trades: the middle of every key (`BusKeys`).
    public var account: String
    /// This engine process's id, unique among the account's engines (heartbeat, state hash, lock token).
    public var engineID: String
    /// The leader lock; nil when this engine does not take part (then `RedisBus.mayTrade` is always true).
    public var leaderLock: LeaderLockSettings?
    public var heartbeat: HeartbeatSettings
    /// How often the kill switch flag is read. An engine obeys the flag at its first bar after a read that
    /// saw it, so this must be shorter than the engine's bar (the default 100 ms is ten reads a second:
    /// a `GET` each, negligible for Redis).
    public var killPollInterval: Duration
    /// At most this many messages wait while Redis is slow or away; beyond it the oldest are dropped
    /// (and counted in `BusStatistics.dropped`).
    public var queueCapacity: Int
    /// The longest a connect may take.
    public var connectTimeout: Duration
    /// The longest one command may wait for its reply before the connection counts as broken.
    public var commandTimeout: Duration
    /// The delays between reconnection attempts.
    public var backoff: ReconnectBackoff

    /// A configuration with the defaults: a 10 s leader lock, a 1 s heartbeat living 3 s, the kill flag
    /// read every 100 ms, room for 10,000 queued messages, 2 s timeouts, 100 ms–5 s backoff.
    public init(
        url: BusURL, account: String, engineID: String, leaderLock: LeaderLockSettings? = LeaderLockSettings(),
        heartbeat: HeartbeatSettings = HeartbeatSettings(), killPollInterval: Duration = .milliseconds(100),
        queueCapacity: Int = 10_000, connectTimeout: Duration = .seconds(2), commandTimeout: Duration = .seconds(2),
        backoff: ReconnectBackoff = ReconnectBackoff()
    ) {
        self.url = url
        self.account = account
        self.engineID = engineID
        self.leaderLock = leaderLock
        self.heartbeat = heartbeat
        self.killPollInterval = killPollInterval
        self.queueCapacity = queueCapacity
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.backoff = backoff
    }
}
