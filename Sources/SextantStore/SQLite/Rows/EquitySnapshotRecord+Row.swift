internal import GRDB

extension EquitySnapshotRecord {
    /// The `equity_snapshots` columns, in the order `init(row:)` and the INSERT use them.
    static let sqliteColumns = "run_id, time_ms, equity, cash"

    /// The values of `sqliteColumns`, for an INSERT.
    var sqliteArguments: StatementArguments {
        [runID, time.rawValue, equity, cash]
    }

    /// A record from a row selecting `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            runID: try row.decode(forColumn: "run_id"),
            time: EpochMilliseconds(try row.decode(forColumn: "time_ms")),
            equity: try row.decode(forColumn: "equity"),
            cash: try row.decode(forColumn: "cash")
        )
    }
}
