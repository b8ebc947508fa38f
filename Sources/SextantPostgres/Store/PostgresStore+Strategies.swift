internal import PostgresNIO
public import SextantStore

extension PostgresStore {
    @discardableResult
    public func recordStrategyVersion(_ version: StrategyVersionRecord) async throws -> StrategyVersionRecord {
        try RecordCheck.nonEmpty(version.contentHash, "a strategy version's content hash")
        try RecordCheck.nonEmpty(version.name, "strategy version \(version.contentHash): the name")
        // A known hash only moves its last-seen time, never backwards; RETURNING gives the stored row in
        // the same statement.
        let rows = try await rows(
            """
            INSERT INTO strategy_versions (\(unescaped: PostgresRows.strategyVersionColumns))
            VALUES (\(version.contentHash), \(version.name), \(version.path), \(version.source),
                    \(version.firstSeen.rawValue), \(version.lastSeen.rawValue))
            ON CONFLICT (content_hash) DO UPDATE
                SET last_seen_ms = greatest(strategy_versions.last_seen_ms, excluded.last_seen_ms)
            RETURNING \(unescaped: PostgresRows.strategyVersionColumns)
            """, PostgresRows.strategyVersion)
        return rows.first ?? version
    }

    public func strategyVersion(contentHash: String) async throws -> StrategyVersionRecord? {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.strategyVersionColumns) FROM strategy_versions
            WHERE content_hash = \(contentHash)
            """, PostgresRows.strategyVersion
        ).first
    }

    public func latestStrategyVersion(named name: String) async throws -> StrategyVersionRecord? {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.strategyVersionColumns) FROM strategy_versions WHERE name = \(name)
            ORDER BY last_seen_ms DESC, first_seen_ms DESC, content_hash DESC LIMIT 1
            """, PostgresRows.strategyVersion
        ).first
    }

    public func recordRun(_ run: RunRecord) async throws {
        try RecordCheck.nonEmpty(run.id, "a run's ID")
        try await execute(
            """
            INSERT INTO runs (\(unescaped: PostgresRows.runColumns))
            VALUES (\(run.id), \(run.started.rawValue), \(run.mode.rawValue), \(run.engineConfigHash))
            ON CONFLICT (id) DO NOTHING
            """)
    }

    public func run(id: String) async throws -> RunRecord? {
        let shown = location.description
        return try await rows(
            "SELECT \(unescaped: PostgresRows.runColumns) FROM runs WHERE id = \(id)",
            { row in try PostgresRows.run(row, location: shown) }
        ).first
    }
}
