internal import GRDB

extension OrderRecord {
    /// The `orders` columns, in the order `init(row:)` and the INSERT use them.
    static let sqliteColumns = """
        client_order_id, strategy_version, symbol, side, quantity, type, limit_price, stop_price, bar_time, \
        rule, leg, state, venue_order_id, created_ms, updated_ms
        """

    /// The values of `sqliteColumns`, for an INSERT.
    var sqliteArguments: StatementArguments {
        [
            clientOrderID, strategyVersion, symbol, side.rawValue, quantity, kind.rawValue, limitPrice, stopPrice,
            barTime, rule, leg, state.rawValue, venueOrderID, created.rawValue, updated.rawValue,
        ]
    }

    /// A record from a row selecting `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            clientOrderID: try row.decode(forColumn: "client_order_id"),
            strategyVersion: try row.decode(forColumn: "strategy_version"),
            symbol: try row.decode(forColumn: "symbol"),
            side: try StoredEnum.decode(Side.self, from: row, column: "side", table: "orders"),
            quantity: try row.decode(forColumn: "quantity"),
            kind: try StoredEnum.decode(Kind.self, from: row, column: "type", table: "orders"),
            limitPrice: try row.decode(forColumn: "limit_price"),
            stopPrice: try row.decode(forColumn: "stop_price"),
            barTime: try row.decode(forColumn: "bar_time"),
            rule: try row.decode(forColumn: "rule"),
            leg: try row.decode(forColumn: "leg"),
            state: try StoredEnum.decode(State.self, from: row, column: "state", table: "orders"),
            venueOrderID: try row.decode(forColumn: "venue_order_id"),
            created: EpochMilliseconds(try row.decode(forColumn: "created_ms")),
            updated: EpochMilliseconds(try row.decode(forColumn: "updated_ms"))
        )
    }
}
