/// How a `PostgresStore` uses its server: connection count and how long it waits.
public struct PostgresStoreOptions: Sendable, Hashable {
    /// How long the server runs one statement (`statement_timeout`) and a connection attempt may take,
    /// in seconds; a call as a whole is given up after twice this (the server cancels a stuck statement
    /// first, so a call the client gave up on has not committed). Past it the call fails with
    /// `StoreError.unavailable`, so an engine whose database went away stops sending orders within
    /// seconds instead of hanging.
    public var timeoutSeconds: Double = 10

    /// The most connections the store opens. Concurrent calls beyond it wait for a free one; concurrent
    /// commits share the server's WAL flushes, the effect `WriteBatcher` gives SQLite.
    public var maximumConnections: Int = 8

    /// Whether opening the store applies missing migrations (as `SQLiteStore` does). When false, a
    /// database that lacks a migration is refused with a message saying to run `sextant db migrate`.
    public var migrate = true

    /// The default options.
    public init() {}

    /// Options with the given timeout and the other defaults.
    public init(timeoutSeconds: Double, maximumConnections: Int = 8, migrate: Bool = true) {
        self.timeoutSeconds = timeoutSeconds
        self.maximumConnections = maximumConnections
        self.migrate = migrate
    }
}
