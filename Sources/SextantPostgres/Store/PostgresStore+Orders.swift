internal import PostgresNIO
public import SextantStore

extension PostgresStore {
    public func recordIntent(_ order: OrderRecord) async throws -> RecordedIntent {
        try order.validate()
        let shown = location.description
        // The unique key decides, race-free across engines: the INSERT either creates the row (and
        // returns it) or does nothing. Under a concurrent insert of the same ID it waits for that
        // transaction and then does nothing, and its snapshot may predate the other's commit — so the
        // stored row is read by a second statement, which sees every committed row.
        let inserted: [OrderRecord]
        do {
            inserted = try await rows(
                """
                INSERT INTO orders (\(unescaped: PostgresRows.orderColumns))
                VALUES (\(order.clientOrderID), \(order.strategyVersion), \(order.symbol), \(order.side.rawValue),
                        \(order.quantity), \(order.kind.rawValue), \(order.limitPrice), \(order.stopPrice),
                        \(order.barTime), \(order.rule), \(order.leg), \(order.state.rawValue), \(order.venueOrderID),
                        \(order.created.rawValue), \(order.updated.rawValue))
                ON CONFLICT (client_order_id) DO NOTHING
                RETURNING \(unescaped: PostgresRows.orderColumns)
                """, { row in try PostgresRows.order(row, location: shown) })
        } catch StoreError.invalidRecord(let message) where message.contains("orders_strategy_version_fkey") {
            throw StoreError.unknownStrategyVersion(contentHash: order.strategyVersion)
        }
        if let stored = inserted.first { return RecordedIntent(order: stored, wasInserted: true) }
        guard let existing = try await self.order(clientOrderID: order.clientOrderID) else {
            throw StoreError.database("\(shown): order \(order.clientOrderID) was neither inserted nor found")
        }
        return RecordedIntent(order: existing, wasInserted: false)
    }

    @discardableResult
    public func updateOrderState(
        clientOrderID: String, to state: OrderRecord.State, venueOrderID: String?, at time: EpochMilliseconds
    ) async throws -> OrderRecord {
        let shown = location.description
        let updated = try await rows(
            """
            UPDATE orders SET state = \(state.rawValue), venue_order_id = coalesce(\(venueOrderID), venue_order_id),
                updated_ms = \(time.rawValue)
            WHERE client_order_id = \(clientOrderID)
            RETURNING \(unescaped: PostgresRows.orderColumns)
            """, { row in try PostgresRows.order(row, location: shown) })
        guard let order = updated.first else { throw StoreError.orderNotFound(clientOrderID: clientOrderID) }
        return order
    }

    public func order(clientOrderID: String) async throws -> OrderRecord? {
        let shown = location.description
        return try await rows(
            "SELECT \(unescaped: PostgresRows.orderColumns) FROM orders WHERE client_order_id = \(clientOrderID)",
            { row in try PostgresRows.order(row, location: shown) }
        ).first
    }

    public func openOrders() async throws -> [OrderRecord] {
        let shown = location.description
        // The WHERE repeats the partial index's predicate, so the planner can use `orders_open`.
        return try await rows(
            """
            SELECT \(unescaped: PostgresRows.orderColumns) FROM orders
            WHERE state IN ('new', 'acknowledged', 'partially_filled')
            ORDER BY created_ms, client_order_id
            """, { row in try PostgresRows.order(row, location: shown) })
    }

    public func unsentIntents() async throws -> [OrderRecord] {
        let shown = location.description
        return try await rows(
            """
            SELECT \(unescaped: PostgresRows.orderColumns) FROM orders
            WHERE state IN ('new', 'acknowledged', 'partially_filled') AND state = 'new'
            ORDER BY created_ms, client_order_id
            """, { row in try PostgresRows.order(row, location: shown) })
    }
}
