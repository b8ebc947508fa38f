import Foundation
import PostgresNIO
import SextantPostgres
import SextantStore

/// The throwaway server the integration tests run against, from `SEXTANT_TEST_POSTGRES_URL`.
///
/// A missing variable is a failure, never a skip: a suite that quietly passes without its server would
/// report coverage it does not have.
enum TestServer {
    static let variable = "SEXTANT_TEST_POSTGRES_URL"

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "\(TestServer.variable) is not set: run the tests with scripts/test.sh, or start a server with "
                + "`scripts/services.sh start` and export \(TestServer.variable)=postgres://postgres@127.0.0.1:55432/postgres"
        }
    }

    /// The administrative location (the server's `postgres` database).
    static func location() throws -> PostgresLocation {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { throw NotConfigured() }
        return try PostgresLocation(url: url)
    }

    /// Runs one administrative statement (CREATE or DROP DATABASE, pg_terminate_backend…) on its own
    /// connection to the server's `postgres` database.
    static func admin(_ sql: String) async throws {
        let location = try location()
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: .disable),
            id: Int.random(in: 1...Int.max), logger: Logger(label: "sextant.tests"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "sextant.tests"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `body` with a fresh, empty database of its own, dropped afterwards (tests run in parallel).
    static func withDatabase<T>(_ body: (PostgresLocation) async throws -> T) async throws -> T {
        let location = try location()
        await DatabaseGate.shared.enter()
        do {
            let value = try await withDatabase(on: location, body)
            await DatabaseGate.shared.leave()
            return value
        } catch {
            await DatabaseGate.shared.leave()
            throw error
        }
    }

    private static func withDatabase<T>(
        on server: PostgresLocation, _ body: (PostgresLocation) async throws -> T
    ) async throws -> T {
        let name = "sextant_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await admin("CREATE DATABASE \(name)")
        do {
            let value = try await body(server.with(database: name))
            try await admin("DROP DATABASE \(name) WITH (FORCE)")
            return value
        } catch {
            try? await admin("DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }
}
