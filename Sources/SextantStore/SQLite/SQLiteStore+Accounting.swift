internal import GRDB

extension SQLiteStore {
    public func upsertPosition(_ position: PositionRecord) async throws {
        try position.validate()
        try await write { db in try Self.upsert(position, db) }
    }

    public func positions() async throws -> [PositionRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(PositionRecord.sqliteColumns) FROM positions ORDER BY strategy, symbol"
            ).map(PositionRecord.init(row:))
        }
    }

    @discardableResult
    public func recordRiskEvent(_ event: RiskEventRecord) async throws -> RiskEventRecord {
        try event.validate()
        return try await write { db in
            try db.execute(
                sql: "INSERT INTO risk_events (\(RiskEventRecord.sqliteColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: event.sqliteArguments)
            var stored = event
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    public func riskEvents(since time: EpochMilliseconds) async throws -> [RiskEventRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, \(RiskEventRecord.sqliteColumns) FROM risk_events WHERE time_ms >= ?
                    ORDER BY time_ms, id
                    """,
                arguments: [time.rawValue]
            ).map(RiskEventRecord.init(row:))
        }
    }

    public func recordEquity(_ snapshot: EquitySnapshotRecord) async throws {
        try snapshot.validate()
        try await write { db in
            let runKnown = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [snapshot.runID])
            guard runKnown == true else { throw StoreError.unknownRun(id: snapshot.runID) }
            try db.execute(
                sql: """
                    INSERT INTO equity_snapshots (\(EquitySnapshotRecord.sqliteColumns)) VALUES (?, ?, ?, ?)
                    ON CONFLICT (run_id, time_ms) DO UPDATE SET equity = excluded.equity, cash = excluded.cash
                    """,
                arguments: snapshot.sqliteArguments)
        }
    }

    public func equitySnapshots(runID: String) async throws -> [EquitySnapshotRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(EquitySnapshotRecord.sqliteColumns) FROM equity_snapshots WHERE run_id = ?
                    ORDER BY time_ms
                    """,
                arguments: [runID]
            ).map(EquitySnapshotRecord.init(row:))
        }
    }

    /// Inserts or replaces a position inside the caller's transaction.
    static func upsert(_ position: PositionRecord, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO positions (\(PositionRecord.sqliteColumns)) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (strategy, symbol) DO UPDATE SET
                    quantity = excluded.quantity, average_price = excluded.average_price,
                    updated_ms = excluded.updated_ms
                """,
            arguments: position.sqliteArguments)
    }
}
