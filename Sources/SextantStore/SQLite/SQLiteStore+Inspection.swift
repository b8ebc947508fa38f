internal import GRDB

extension SQLiteStore {
    /// Runs raw SQL in one write transaction. Not part of the store's API: tests use it (through
    /// `@testable import`) to look at the file independently of the methods under test and to damage it
    /// on purpose.
    func execute(rawSQL sql: String) async throws {
        try await write { db in try db.execute(sql: sql) }
    }

    /// The first column of the first row of a raw query, as an integer (`nil` for no row or NULL).
    func integer(rawSQL sql: String) async throws -> Int64? {
        // The writer connection, so per-connection pragmas (`synchronous`) read the value writes use.
        try await write { db in try Int64.fetchOne(db, sql: sql) }
    }

    /// The first column of the first row of a raw query, as text.
    func text(rawSQL sql: String) async throws -> String? {
        try await write { db in try String.fetchOne(db, sql: sql) }
    }
}
