internal import PostgresNIO
public import SextantStore

extension PostgresStore {
    @discardableResult
    public func recordFill(
        _ fill: FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?
    ) async throws -> Bool {
        try fill.validate()
        try position?.validate()
        // One statement, so one transaction and one round trip: the fill is inserted unless known, and
        // only when it was (`inserted` has its row) do the order and the position move. A replayed fill
        // therefore changes nothing, and a connection lost mid-call leaves all three or none.
        let counts: [Int64]
        do {
            counts = try await rows(
                """
                WITH inserted AS (
                    INSERT INTO fills (\(unescaped: PostgresRows.fillColumns))
                    VALUES (\(fill.venue), \(fill.fillID), \(fill.clientOrderID), \(fill.quantity), \(fill.price),
                            \(fill.commission), \(fill.time.rawValue))
                    ON CONFLICT (venue, fill_id) DO NOTHING
                    RETURNING client_order_id
                ), moved AS (
                    UPDATE orders SET state = \(orderState?.state.rawValue),
                        venue_order_id = coalesce(\(orderState?.venueOrderID), venue_order_id),
                        updated_ms = \(orderState?.time.rawValue)
                    WHERE \(orderState != nil) AND client_order_id IN (SELECT client_order_id FROM inserted)
                    RETURNING 1
                ), positioned AS (
                    INSERT INTO positions (\(unescaped: PostgresRows.positionColumns))
                    SELECT \(position?.strategy)::text, \(position?.symbol)::text, \(position?.quantity)::float8,
                           \(position?.averagePrice)::float8, \(position?.updated.rawValue)::int8
                    WHERE \(position != nil) AND EXISTS (SELECT 1 FROM inserted)
                    ON CONFLICT (strategy, symbol) DO UPDATE SET
                        quantity = excluded.quantity, average_price = excluded.average_price,
                        updated_ms = excluded.updated_ms
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM moved)
                """, { row in try row.decode((Int64, Int64).self) }
            ).map(\.0)
        } catch StoreError.invalidRecord(let message) where message.contains("fills_order_fkey") {
            throw StoreError.orderNotFound(clientOrderID: fill.clientOrderID)
        }
        return counts.first == 1
    }

    public func fills(for clientOrderID: String) async throws -> [FillRecord] {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.fillColumns) FROM fills WHERE client_order_id = \(clientOrderID)
            ORDER BY time_ms, venue, fill_id
            """, PostgresRows.fill)
    }
}
