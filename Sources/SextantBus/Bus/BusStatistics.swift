/// The bus's counters since it started, for logs, `/metrics` and tests.
public struct BusStatistics: Sendable, Equatable {
    /// Messages Redis accepted (`PUBLISH` answered).
    public var published = 0
    /// Messages dropped: the oldest when the queue was full, and any Redis answered with an error.
    public var dropped = 0
    /// Successful connects after the first (each outage that ended).
    public var reconnects = 0
    /// Messages waiting to be sent.
    public var queued = 0
    /// Whether the bus has a live connection.
    public var connected = false
    /// The last connection or server error, redacted (never contains a password).
    public var lastError: String?

    /// Zero counters.
    public init() {}
}
