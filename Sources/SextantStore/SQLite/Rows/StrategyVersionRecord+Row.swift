internal import GRDB

extension StrategyVersionRecord {
    /// The `strategy_versions` columns, in the order `init(row:)` and the INSERT use them.
    static let sqliteColumns = "content_hash, name, path, source, first_seen_ms, last_seen_ms"

    /// The values of `sqliteColumns`, for an INSERT.
    var sqliteArguments: StatementArguments {
        [contentHash, name, path, source, firstSeen.rawValue, lastSeen.rawValue]
    }

    /// A record from a row selecting `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            contentHash: try row.decode(forColumn: "content_hash"),
            name: try row.decode(forColumn: "name"),
            path: try row.decode(forColumn: "path"),
            source: try row.decode(forColumn: "source"),
            firstSeen: EpochMilliseconds(try row.decode(forColumn: "first_seen_ms")),
            lastSeen: EpochMilliseconds(try row.decode(forColumn: "last_seen_ms"))
        )
    }
}
