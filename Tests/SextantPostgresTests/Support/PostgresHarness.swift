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

    /// The first column of the first row of `sql`, as an integer, on a connection of its own.
    func integer(_ sql: String) async throws -> Int64? {
        try await TestDatabase(location: location).integer(sql)
    }

    /// Runs `sql` on a connection of its own.
    func execute(_ sql: String) async throws {
        try await TestDatabase(location: location).execute(sql)
    }
}
