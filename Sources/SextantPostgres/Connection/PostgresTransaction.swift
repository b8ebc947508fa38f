internal import Logging
internal import PostgresNIO

/// BEGIN … COMMIT on one connection, rolling back when the body throws and rethrowing the body's own
/// error (PostgresNIO's `withTransaction` wraps it, which would hide a `StoreError` thrown inside).
enum PostgresTransaction {
    /// Runs `body` in a transaction on `connection`.
    static func run<T>(
        on connection: PostgresConnection, logger: Logger,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        let value: T
        do {
            value = try await body(connection)
        } catch {
            // A lost connection cannot roll back, and needs not: the server aborts the transaction.
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return value
    }
}
