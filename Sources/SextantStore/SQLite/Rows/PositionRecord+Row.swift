internal import GRDB

extension PositionRecord {
    /// The `positions` columns, in the order `init(row:)` and the INSERT use them.
    static let sqliteColumns = "strategy, symbol, quantity, average_price, updated_ms"

    /// The values of `sqliteColumns`, for an INSERT.
    var sqliteArguments: StatementArguments {
        [strategy, symbol, quantity, averagePrice, updated.rawValue]
    }

    /// A record from a row selecting `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            strategy: try row.decode(forColumn: "strategy"),
            symbol: try row.decode(forColumn: "symbol"),
            quantity: try row.decode(forColumn: "quantity"),
            averagePrice: try row.decode(forColumn: "average_price"),
            updated: EpochMilliseconds(try row.decode(forColumn: "updated_ms"))
        )
    }
}
