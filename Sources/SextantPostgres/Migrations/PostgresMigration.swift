/// One versioned schema change: its number, a stable identifier and the statements it runs, in order,
/// in one transaction. Released migrations are never edited; a change is a new migration.
struct PostgresMigration: Sendable {
    /// Position in the sequence, from 1; the primary key of `schema_migrations`.
    let version: Int
    /// A stable name (the same identifiers as the SQLite store where the schemas match).
    let identifier: String
    /// The statements, run one by one (the extended query protocol takes one statement per query).
    let statements: [String]
}
