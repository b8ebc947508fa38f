internal import GRDB

/// The SQLite store's versioned migrations, applied in order by GRDB's `DatabaseMigrator`.
///
/// Each migration runs in its own transaction and is recorded in `grdb_migrations`, so opening a store
/// applies only what it lacks and opening it again applies nothing. Identifiers and released SQL never
/// change; a schema change is a new migration appended here.
enum SQLiteMigrations {
    /// The migrator with every migration registered.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // Never erase: these are financial records. A schema change is a new migration, not a rebuild.
        migrator.eraseDatabaseOnSchemaChange = false
        migrator.registerMigration(SQLiteSchemaV1.identifier) { db in
            try db.execute(sql: SQLiteSchemaV1.sql)
        }
        return migrator
    }

    /// Refuses what must not be migrated: another application's SQLite database, or a store migrated by
    /// a newer Sextant (its unknown migrations may have changed tables this build writes to).
    static func checkOwnership(_ db: Database, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        // `grdb_migrations` alone does not make a file foreign: GRDB creates it (committed on its own)
        // just before the first migration's transaction, so another process opening the same new file
        // at that moment sees it.
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                """)
        let isOurs = applicationID == SQLiteSchemaV1.applicationID
        // An empty database (a new file) becomes ours; one with tables but no Sextant ID belongs to
        // someone else, and adding tables to it would damage their file.
        if !isOurs && (applicationID != 0 || !tables.isEmpty) {
            throw StoreError.foreignDatabase(path: path)
        }
        if isOurs, try migrator.hasBeenSuperseded(db) {
            throw StoreError.newerSchema(path: path)
        }
    }
}
