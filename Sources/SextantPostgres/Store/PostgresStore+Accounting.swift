internal import PostgresNIO
public import SextantStore

extension PostgresStore {
    public func upsertPosition(_ position: PositionRecord) async throws {
        try position.validate()
        try await execute(
            """
            INSERT INTO positions (\(unescaped: PostgresRows.positionColumns))
            VALUES (\(position.strategy), \(position.symbol), \(position.quantity), \(position.averagePrice),
                    \(position.updated.rawValue))
            ON CONFLICT (strategy, symbol) DO UPDATE SET
                quantity = excluded.quantity, average_price = excluded.average_price, updated_ms = excluded.updated_ms
            """)
    }

    public func positions() async throws -> [PositionRecord] {
        try await rows(
            "SELECT \(unescaped: PostgresRows.positionColumns) FROM positions ORDER BY strategy, symbol",
            PostgresRows.position)
    }

    @discardableResult
    public func recordRiskEvent(_ event: RiskEventRecord) async throws -> RiskEventRecord {
        try event.validate()
        let ids = try await rows(
            """
            INSERT INTO risk_events (time_ms, strategy, symbol, rule, decision, reason, details)
            VALUES (\(event.time.rawValue), \(event.strategy), \(event.symbol), \(event.rule),
                    \(event.decision.rawValue), \(event.reason), \(event.details)::json)
            RETURNING id
            """, { row in try row.decode(Int64.self) })
        var stored = event
        stored.id = ids.first
        return stored
    }

    public func riskEvents(since time: EpochMilliseconds) async throws -> [RiskEventRecord] {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.riskEventColumns) FROM risk_events WHERE time_ms >= \(time.rawValue)
            ORDER BY time_ms, id
            """, PostgresRows.riskEvent)
    }

    public func recordEquity(_ snapshot: EquitySnapshotRecord) async throws {
        try snapshot.validate()
        do {
            try await execute(
                """
                INSERT INTO equity_snapshots (\(unescaped: PostgresRows.equityColumns))
                VALUES (\(snapshot.runID), \(snapshot.time.rawValue), \(snapshot.equity), \(snapshot.cash))
                ON CONFLICT (run_id, time_ms) DO UPDATE SET equity = excluded.equity, cash = excluded.cash
                """)
        } catch StoreError.invalidRecord(let message) where message.contains("equity_snapshots_run_fkey") {
            throw StoreError.unknownRun(id: snapshot.runID)
        }
    }

    public func equitySnapshots(runID: String) async throws -> [EquitySnapshotRecord] {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.equityColumns) FROM equity_snapshots WHERE run_id = \(runID)
            ORDER BY time_ms
            """, PostgresRows.equity)
    }
}
