internal import Logging
internal import PostgresNIO
internal import SextantStore

/// Applies the Postgres store's versioned migrations.
///
/// - **Recorded.** `schema_migrations` holds one row per applied migration (version, identifier, time);
///   a migration already there is skipped, so migrating an up-to-date database applies nothing.
/// - **One transaction each.** A migration's statements and its `schema_migrations` row commit together
///   or not at all (Postgres DDL is transactional): a failure leaves the previous version intact.
/// - **One migrator at a time.** A session advisory lock serializes concurrent migrators (two engines
///   starting together, `sextant db migrate` during a deploy): the second waits, then finds the work
///   done. The lock goes with the connection if the process dies.
/// - **Never downgrade.** A database holding a migration this build does not know was migrated by a
///   newer Sextant and is refused with `StoreError.newerSchema`, untouched.
enum PostgresMigrator {
    /// Every migration, in order. Append only.
    static let migrations = [PostgresSchemaV1.migration, PostgresSchemaV2.migration]

    /// The advisory lock's key: "SEXT" and migration lock number 1.
    static let lockKey: Int64 = 0x5345_5854_0000_0001

    /// Brings the database to the latest schema (or, when `apply` is false, checks that it is there).
    /// - Returns: The identifiers of the migrations this call applied, in order.
    /// - Throws: `StoreError.newerSchema` for a database migrated by a newer Sextant; `StoreError.database`
    ///   when `apply` is false and a migration is missing; `StoreError.foreignDatabase` when the tables
    ///   exist without Sextant's migration records.
    static func migrate(
        _ connection: PostgresConnection, location: String, apply: Bool, logger: Logger
    ) async throws -> [String] {
        try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
        do {
            let applied = try await migrateLocked(connection, location: location, apply: apply, logger: logger)
            try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            return applied
        } catch {
            // Best effort: a broken connection releases the lock anyway.
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            throw error
        }
    }

    private static func migrateLocked(
        _ connection: PostgresConnection, location: String, apply: Bool, logger: Logger
    ) async throws -> [String] {
        let known = try await appliedMigrations(connection, logger: logger)
        let ours = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0.identifier) })
        for (version, identifier) in known where ours[version] != identifier {
            throw StoreError.newerSchema(path: location)
        }
        let missing = migrations.filter { known[$0.version] == nil }
        guard !missing.isEmpty else { return [] }
        guard apply else {
            throw StoreError.database(
                "\(location) lacks the migrations \(missing.map(\.identifier).joined(separator: ", ")): "
                    + "run `sextant db migrate --store \(location)`")
        }
        if known.isEmpty {
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer NOT NULL PRIMARY KEY,
                    identifier text NOT NULL UNIQUE,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
        }
        var applied: [String] = []
        for migration in missing {
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                for statement in migration.statements {
                    do {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    } catch  where PostgresErrorMapping.sqlState(error) == "42P07" {
                        // duplicate_table with no record of the migration: someone else's tables.
                        throw StoreError.foreignDatabase(path: location)
                    }
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, identifier) VALUES (\(migration.version), \(migration.identifier))",
                    logger: logger)
            }
            applied.append(migration.identifier)
        }
        return applied
    }

    /// The recorded migrations, by version (empty when `schema_migrations` does not exist).
    static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> [Int: String] {
        let exists =
            try await connection.query(
                "SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger
            ).collect().first?.decode(Bool.self) ?? false
        guard exists else { return [:] }
        var known: [Int: String] = [:]
        for try await (version, identifier) in try await connection.query(
            "SELECT version, identifier FROM schema_migrations", logger: logger
        ).decode((Int, String).self) {
            known[version] = identifier
        }
        return known
    }
}
