internal import GRDB

extension FillRecord {
    /// The `fills` columns, in the order `init(row:)` and the INSERT use them.
    static let sqliteColumns = "venue, fill_id, client_order_id, quantity, price, commission, time_ms"

    /// The values of `sqliteColumns`, for an INSERT.
    var sqliteArguments: StatementArguments {
        [venue, fillID, clientOrderID, quantity, price, commission, time.rawValue]
    }

    /// A record from a row selecting `sqliteColumns`.
    init(row: Row) throws {
        self.init(
            venue: try row.decode(forColumn: "venue"),
            fillID: try row.decode(forColumn: "fill_id"),
            clientOrderID: try row.decode(forColumn: "client_order_id"),
            quantity: try row.decode(forColumn: "quantity"),
            price: try row.decode(forColumn: "price"),
            commission: try row.decode(forColumn: "commission"),
            time: EpochMilliseconds(try row.decode(forColumn: "time_ms"))
        )
    }
}
