internal import GRDB

extension RunRecord {
    /// The `runs` columns, in the order `init(row:)` and the INSERT use them.
    static let sqliteColumns = "id, started_ms, mode, engine_config_hash"

    /// The values of `sqliteColumns`, for an INSERT.
    var sqliteArguments: StatementArguments {
        [id, started.rawValue, mode.rawValue, engineConfigHash]
    }

    /// A record from a row selecting `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            started: EpochMilliseconds(try row.decode(forColumn: "started_ms")),
            mode: try StoredEnum.decode(Mode.self, from: row, column: "mode", table: "runs"),
            engineConfigHash: try row.decode(forColumn: "engine_config_hash")
        )
    }
}
