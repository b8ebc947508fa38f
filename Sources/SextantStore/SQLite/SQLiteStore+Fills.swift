internal import GRDB

extension SQLiteStore {
    @discardableResult
    public func recordFill(
        _ fill: FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?
    ) async throws -> Bool {
        try fill.validate()
        try position?.validate()
        return try await write { db in
            guard try Self.fetchOrderExists(db, clientOrderID: fill.clientOrderID) else {
                throw StoreError.orderNotFound(clientOrderID: fill.clientOrderID)
            }
            try db.execute(
                sql: """
                    INSERT INTO fills (\(FillRecord.sqliteColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (venue, fill_id) DO NOTHING
                    """,
                arguments: fill.sqliteArguments)
            // A replayed fill must not move the order or the position a second time.
            guard db.changesCount == 1 else { return false }
            if let orderState {
                try Self.apply(orderState, toOrder: fill.clientOrderID, db)
            }
            if let position {
                try Self.upsert(position, db)
            }
            return true
        }
    }

    public func fills(for clientOrderID: String) async throws -> [FillRecord] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(FillRecord.sqliteColumns) FROM fills WHERE client_order_id = ?
                    ORDER BY time_ms, venue, fill_id
                    """,
                arguments: [clientOrderID]
            ).map(FillRecord.init(row:))
        }
    }

    private static func fetchOrderExists(_ db: Database, clientOrderID: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM orders WHERE client_order_id = ?)", arguments: [clientOrderID]
        ) ?? false
    }
}
