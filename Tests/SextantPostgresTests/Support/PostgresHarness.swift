import PostgresNIO
import SextantPostgres
import SextantStore
import SextantStoreConformance

/// A Postgres store on its own database, with `Samples.version` recorded: the conformance checks'
/// harness, and the fixture of the Postgres-only tests.
struct PostgresHarness: StoreHarness {
    let location: PostgresLocation
    let postgres: PostgresStore

    var store: any TradingStore { postgres }

    /// Runs `body` with a harness on a fresh database, closing every store and dropping the database
    /// afterwards.
    static func with(
        options: PostgresStoreOptions = PostgresStoreOptions(timeoutSeconds: 5),
        _ body: (PostgresHarness) async throws -> Void
    ) async throws {
        try await TestServer.withDatabase { location in
            let store = try await PostgresStore.open(location, options: options)
            try await store.recordStrategyVersion(Samples.version)
            do {
                try await body(PostgresHarness(location: location, postgres: store))
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    func reopen() async throws -> any TradingStore {
        try await PostgresStore.open(location, options: PostgresStoreOptions(timeoutSeconds: 5))
    }

    func count(_ table: String) async throws -> Int64 {
        try await integer("SELECT count(*) FROM \(table)") ?? -1
    }

    /// The first column of the first row of `sql`, as an integer, on a connection of its own (the
    /// store under test may be closed or its connections killed).
    func integer(_ sql: String) async throws -> Int64? {
        try await withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).collect().first?
                .decode(Int64?.self)
        }
    }

    /// Runs `sql` on a connection of its own.
    func execute(_ sql: String) async throws {
        _ = try await withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
        }
    }

    /// Runs `body` on a new connection to the harness's database.
    func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: .disable),
            id: Int.random(in: 1...Int.max), logger: Self.logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static let logger = Logger(label: "sextant.tests")
}
