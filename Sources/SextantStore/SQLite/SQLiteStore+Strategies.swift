internal import GRDB

extension SQLiteStore {
    @discardableResult
    public func recordStrategyVersion(_ version: StrategyVersionRecord) async throws -> StrategyVersionRecord {
        try RecordCheck.nonEmpty(version.contentHash, "a strategy version's content hash")
        try RecordCheck.nonEmpty(version.name, "strategy version \(version.contentHash): the name")
        return try await write { db in
            // A known hash only moves its last-seen time (never backwards): path and source are those of
            // the first sighting, and the same bytes have the same source anyway.
            try db.execute(
                sql: """
                    INSERT INTO strategy_versions (\(StrategyVersionRecord.sqliteColumns))
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (content_hash) DO UPDATE SET last_seen_ms = max(last_seen_ms, excluded.last_seen_ms)
                    """,
                arguments: version.sqliteArguments)
            return try Self.fetchStrategyVersion(db, contentHash: version.contentHash) ?? version
        }
    }

    public func strategyVersion(contentHash: String) async throws -> StrategyVersionRecord? {
        try await read { db in try Self.fetchStrategyVersion(db, contentHash: contentHash) }
    }

    public func latestStrategyVersion(named name: String) async throws -> StrategyVersionRecord? {
        try await read { db in
            // Ties within one millisecond are broken by first sighting, then by hash, so the answer is
            // the same on every call.
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(StrategyVersionRecord.sqliteColumns) FROM strategy_versions WHERE name = ?
                    ORDER BY last_seen_ms DESC, first_seen_ms DESC, content_hash DESC LIMIT 1
                    """,
                arguments: [name]
            ).map(StrategyVersionRecord.init(row:))
        }
    }

    public func recordRun(_ run: RunRecord) async throws {
        try RecordCheck.nonEmpty(run.id, "a run's ID")
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (\(RunRecord.sqliteColumns)) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING
                    """,
                arguments: run.sqliteArguments)
        }
    }

    public func run(id: String) async throws -> RunRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT \(RunRecord.sqliteColumns) FROM runs WHERE id = ?", arguments: [id])
                .map(RunRecord.init(row:))
        }
    }

    static func fetchStrategyVersion(_ db: Database, contentHash: String) throws -> StrategyVersionRecord? {
        try Row.fetchOne(
            db,
            sql: "SELECT \(StrategyVersionRecord.sqliteColumns) FROM strategy_versions WHERE content_hash = ?",
            arguments: [contentHash]
        ).map(StrategyVersionRecord.init(row:))
    }
}
