internal import GRDB

extension SQLiteStore {
    @discardableResult
    public func recordFill(
        _ fill: FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?
    ) async throws -> Bool {
        try fill.validate()
        try position?.validate()
        return try await write { db in try Self.applyFill(fill, orderState: orderState, position: position, db) }
    }

    @discardableResult
    public func record(_ writes: [OrderBookWrite]) async throws -> [Bool] {
        for write in writes { try write.validate() }
        guard !writes.isEmpty else { return [] }
        // One savepoint of the group transaction: a throw part-way rolls back the writes before it.
        return try await write { db in
            try writes.map { write in
                switch write {
                case .fill(let fill, let orderState, let position):
                    return try Self.applyFill(fill, orderState: orderState, position: position, db)
                case .orderState(let clientOrderID, let update):
                    try Self.apply(update, toOrder: clientOrderID, db)
                    return true
                }
            }
        }
    }

    /// Records a fill, with the order state and position it leads to, inside the caller's transaction.
    /// - Returns: True when the fill was new; a known fill changes nothing.
    static func applyFill(
        _ fill: FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?, _ db: Database
    ) throws -> Bool {
        guard try fetchOrderExists(db, clientOrderID: fill.clientOrderID) else {
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
            try apply(orderState, toOrder: fill.clientOrderID, db)
        }
        if let position {
            try upsert(position, db)
        }
        return true
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
