internal import GRDB

extension SQLiteStore {
    public func recordIntent(_ order: OrderRecord) async throws -> RecordedIntent {
        try order.validate()
        // The whole check-and-insert is one IMMEDIATE transaction on the single writer, so two tasks
        // recording the same client order ID cannot both insert it.
        return try await write { db in try Self.insertIntent(order, db) }
    }

    public func recordIntents(_ orders: [OrderRecord]) async throws -> [RecordedIntent] {
        for order in orders { try order.validate() }
        guard !orders.isEmpty else { return [] }
        // One savepoint of the group transaction: a throw part-way rolls back the intents before it.
        return try await write { db in try orders.map { try Self.insertIntent($0, db) } }
    }

    /// Inserts an intent inside the caller's transaction, or returns the stored order with that ID.
    static func insertIntent(_ order: OrderRecord, _ db: Database) throws -> RecordedIntent {
        if let existing = try fetchOrder(db, clientOrderID: order.clientOrderID) {
            return RecordedIntent(order: existing, wasInserted: false)
        }
        let versionKnown = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM strategy_versions WHERE content_hash = ?)",
            arguments: [order.strategyVersion])
        guard versionKnown == true else {
            throw StoreError.unknownStrategyVersion(contentHash: order.strategyVersion)
        }
        try db.execute(
            sql: """
                INSERT INTO orders (\(OrderRecord.sqliteColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: order.sqliteArguments)
        return RecordedIntent(order: order, wasInserted: true)
    }

    @discardableResult
    public func updateOrderState(
        clientOrderID: String, to state: OrderRecord.State, venueOrderID: String?, at time: EpochMilliseconds
    ) async throws -> OrderRecord {
        let update = OrderStateUpdate(state: state, venueOrderID: venueOrderID, time: time)
        return try await write { db in
            try Self.apply(update, toOrder: clientOrderID, db)
            guard let order = try Self.fetchOrder(db, clientOrderID: clientOrderID) else {
                throw StoreError.orderNotFound(clientOrderID: clientOrderID)
            }
            return order
        }
    }

    public func order(clientOrderID: String) async throws -> OrderRecord? {
        try await read { db in try Self.fetchOrder(db, clientOrderID: clientOrderID) }
    }

    public func openOrders() async throws -> [OrderRecord] {
        try await read { db in
            // The WHERE repeats the partial index's condition word for word, so SQLite uses the index.
            try Self.fetchOrders(
                db,
                sql: """
                    SELECT \(OrderRecord.sqliteColumns) FROM orders
                    WHERE state IN ('new', 'acknowledged', 'partially_filled')
                    ORDER BY created_ms, client_order_id
                    """)
        }
    }

    public func unsentIntents() async throws -> [OrderRecord] {
        try await read { db in
            // The redundant IN term lets SQLite prove the partial index `orders_open` applies.
            try Self.fetchOrders(
                db,
                sql: """
                    SELECT \(OrderRecord.sqliteColumns) FROM orders
                    WHERE state IN ('new', 'acknowledged', 'partially_filled') AND state = 'new'
                    ORDER BY created_ms, client_order_id
                    """)
        }
    }

    /// Sets an order's state inside the caller's transaction.
    /// - Throws: `StoreError.orderNotFound` when no order has the ID.
    static func apply(_ update: OrderStateUpdate, toOrder clientOrderID: String, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE orders SET state = ?, venue_order_id = coalesce(?, venue_order_id), updated_ms = ?
                WHERE client_order_id = ?
                """,
            arguments: [update.state.rawValue, update.venueOrderID, update.time.rawValue, clientOrderID])
        guard db.changesCount == 1 else { throw StoreError.orderNotFound(clientOrderID: clientOrderID) }
    }

    static func fetchOrder(_ db: Database, clientOrderID: String) throws -> OrderRecord? {
        try Row.fetchOne(
            db, sql: "SELECT \(OrderRecord.sqliteColumns) FROM orders WHERE client_order_id = ?",
            arguments: [clientOrderID]
        ).map(OrderRecord.init(row:))
    }

    private static func fetchOrders(_ db: Database, sql: String) throws -> [OrderRecord] {
        try Row.fetchAll(db, sql: sql).map(OrderRecord.init(row:))
    }
}
