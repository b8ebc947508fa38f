internal import Logging
internal import PostgresNIO
public import SextantStore
internal import Synchronization

/// The production store: a Postgres database through PostgresNIO, behind the same `TradingStore`
/// protocol as `SQLiteStore`, plus the bar history (`BarStore`) and recorded backtests
/// (`BacktestArchive`).
///
/// - **Connections.** A PostgresNIO connection pool (`PostgresStoreOptions.maximumConnections`). When
///   the server goes away the pool keeps trying to reconnect with backoff, so the store heals by itself
///   when the server returns; meanwhile every call fails within `timeoutSeconds` with
///   `StoreError.unavailable` (transient) and the engine holds orders back.
/// - **One statement per call.** Every write of the protocol is a single SQL statement — data-modifying
///   CTEs put a fill, its order's state and the position in one — so each call is one implicit
///   transaction and one round trip, and a connection lost mid-call leaves all of it or none of it.
/// - **Durability.** Each connection sets `synchronous_commit = on`, whatever the server's default: a
///   call returns after its commit is flushed to the server's WAL.
/// - **Schema.** Versioned migrations (`PostgresMigrator`) run when the store opens, under an advisory
///   lock; `sextant db migrate` runs them explicitly.
/// - **Secrets.** The password comes from the environment (`PostgresLocation`); nothing the store prints
///   or throws contains it, and PostgresNIO's logs are discarded.
///
/// ```swift
/// let store = try await PostgresStore.open(try PostgresLocation(url: "postgres://sextant@127.0.0.1/trading"))
/// let intent = try await store.recordIntent(order)   // committed: now send it
/// ```
public final class PostgresStore: TradingStore, BarStore, BacktestArchive {
    /// The server and database, without the password in its description.
    public let location: PostgresLocation
    /// How the store waits and how many connections it opens.
    public let options: PostgresStoreOptions
    /// The migrations applied when this store was opened (empty when the database was up to date).
    public let appliedMigrations: [String]

    /// The identifiers of every migration this build knows, oldest first.
    public static var schemaVersions: [String] { PostgresMigrator.migrations.map(\.identifier) }

    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>
    private let isClosed = Atomic<Bool>(false)

    /// A logger that drops everything: PostgresNIO may log queries and connection parameters.
    static let silentLogger = Logger(label: "sextant.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to `location`, checks the login and the schema (applying missing migrations when
    /// `options.migrate`), and starts the connection pool.
    /// - Throws: `StoreError.unavailable` when the server cannot be reached (transient: it may be
    ///   starting), `.cannotOpen` for a refused login or a missing database, `.newerSchema` for a database
    ///   migrated by a newer Sextant, `.foreignDatabase` for another application's tables.
    public static func open(
        _ location: PostgresLocation, options: PostgresStoreOptions = PostgresStoreOptions()
    ) async throws(StoreError) -> PostgresStore {
        let shown = location.description
        let logger = silentLogger
        let applied: [String]
        do {
            // One direct connection first: a refused login or a missing database is reported at once
            // (the pool would retry it quietly until the timeout), and the migrator holds its advisory
            // lock on one session.
            applied = try await Deadline.run(
                seconds: options.timeoutSeconds,
                timeoutError: StoreError.unavailable("\(shown): no answer within \(options.timeoutSeconds) s")
            ) {
                let connection = try await PostgresConnection.connect(
                    configuration: connectionConfiguration(location, options: options), id: 1, logger: logger)
                do {
                    let applied = try await PostgresMigrator.migrate(
                        connection, location: shown, apply: options.migrate, logger: logger)
                    try await connection.close()
                    return applied
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
        } catch {
            throw PostgresErrorMapping.storeError(error, location: shown)
        }
        return PostgresStore(location: location, options: options, appliedMigrations: applied, logger: logger)
    }

    private init(
        location: PostgresLocation, options: PostgresStoreOptions, appliedMigrations: [String], logger: Logger
    ) {
        self.location = location
        self.options = options
        self.appliedMigrations = appliedMigrations
        self.logger = logger
        let client = PostgresClient(
            configuration: Self.clientConfiguration(location, options: options), backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Stops the connection pool. Later calls throw `StoreError.closed`.
    public func close() async throws {
        guard !isClosed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        runner.cancel()
        await runner.value
    }

    /// Runs `body` with a pooled connection, within the store's time limit, mapping every failure to a
    /// `StoreError`.
    func withConnection<T: Sendable>(
        timeout: Double? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        guard !isClosed.load(ordering: .sequentiallyConsistent) else { throw StoreError.closed }
        let shown = location.description
        // Twice the server's statement timeout: the server cancels a stuck statement first, so a call the
        // client gave up on has not committed behind its back (unless the statement started late).
        let seconds = 2 * (timeout ?? options.timeoutSeconds)
        let client = client
        do {
            return try await Deadline.run(
                seconds: seconds,
                timeoutError: StoreError.unavailable("\(shown): no answer within \(seconds) s")
            ) {
                try await client.withConnection { connection in try await body(connection) }
            }
        } catch {
            throw isClosed.load(ordering: .sequentiallyConsistent)
                ? .closed : PostgresErrorMapping.storeError(error, location: shown)
        }
    }

    /// Runs one query and returns its rows, decoded by `decode`.
    func rows<T: Sendable>(
        _ query: PostgresQuery, _ decode: @escaping @Sendable (PostgresRow) throws -> T
    ) async throws -> [T] {
        let logger = logger
        return try await withConnection { connection in
            var values: [T] = []
            for try await row in try await connection.query(query, logger: logger) {
                values.append(try decode(row))
            }
            return values
        }
    }

    /// Runs one statement whose rows, if any, are ignored.
    func execute(_ query: PostgresQuery) async throws {
        let logger = logger
        _ = try await withConnection { connection in
            try await connection.query(query, logger: logger)
        }
    }

    static func connectionConfiguration(
        _ location: PostgresLocation, options: PostgresStoreOptions
    ) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch location.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(Int64(options.timeoutSeconds * 1000))
        configuration.options.additionalStartupParameters = startupParameters(options)
        return configuration
    }

    static func clientConfiguration(
        _ location: PostgresLocation, options: PostgresStoreOptions
    ) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch location.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(Int64(options.timeoutSeconds * 1000))
        configuration.options.maximumConnections = max(1, options.maximumConnections)
        configuration.options.additionalStartupParameters = startupParameters(options)
        return configuration
    }

    /// Session settings sent at login: durable commits whatever the server's default; a statement
    /// timeout matching the client's, so a statement the client gave up on does not commit later; and
    /// sequential scans priced out. Every statement of the store reads by key (an order, a fill, a
    /// position, a bar range), but the list statements are prepared, and a generic plan made while
    /// the orders table was small hashes the whole table at every bar once it has grown — until an
    /// autovacuum analyze happens to replan it (measured on a fresh database: 1,600 fills a second
    /// instead of 6,000). Planning each execution instead costs about a millisecond a list.
    private static func startupParameters(_ options: PostgresStoreOptions) -> [(String, String)] {
        [
            ("synchronous_commit", "on"),
            ("statement_timeout", "\(Int(options.timeoutSeconds * 1000))"),
            ("enable_seqscan", "off"),
            ("application_name", "sextant"),
        ]
    }
}
