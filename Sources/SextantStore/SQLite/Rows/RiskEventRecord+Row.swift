internal import GRDB

extension RiskEventRecord {
    /// The `risk_events` columns other than `id`, in the order the INSERT uses them.
    static let sqliteColumns = "time_ms, strategy, symbol, rule, decision, reason, details"

    /// The values of `sqliteColumns`, for an INSERT (the database assigns `id`).
    var sqliteArguments: StatementArguments {
        [time.rawValue, strategy, symbol, rule, decision.rawValue, reason, details]
    }

    /// A record from a row selecting `id` and `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            time: EpochMilliseconds(try row.decode(forColumn: "time_ms")),
            strategy: try row.decode(forColumn: "strategy"),
            symbol: try row.decode(forColumn: "symbol"),
            rule: try row.decode(forColumn: "rule"),
            decision: Decision(rawValue: try row.decode(forColumn: "decision")),
            reason: try row.decode(forColumn: "reason"),
            details: try row.decode(forColumn: "details")
        )
    }
}
