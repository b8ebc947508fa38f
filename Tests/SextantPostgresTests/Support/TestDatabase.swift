import PostgresNIO
import SextantPostgres

/// Raw SQL on a test database, on connections of their own: a look at the tables independent of the
/// store under test (which may be closed, or have had its connections killed).
struct TestDatabase {
    let location: PostgresLocation

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
