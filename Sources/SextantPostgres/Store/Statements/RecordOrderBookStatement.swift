internal import PostgresNIO

/// The statement behind `PostgresStore.record(_:)`, prepared once per connection (its plan is reused:
/// planning this statement costs about half as much as running it on a bar's writes).
///
/// The writes arrive as rows numbered from 1. When a write names an order that is not stored, nothing
/// is written and the row returned lists those orders: every data-modifying part is guarded by that
/// check, so the statement is all or nothing without a transaction around it (one round trip, not
/// three). Otherwise fills are inserted unless known (the first copy of a fill repeated in the list
/// counts); of the writes that apply — every state write and each new fill — the last with a state
/// sets each order's state (the last with a venue order ID sets that), and the last with a position
/// sets each position: the outcome of applying them one by one. The row returned holds the numbers of
/// the new fills.
struct RecordOrderBookStatement: PostgresPreparedStatement {
    static let name = "sextant_record_order_book_v1"

    static let sql = """
            WITH input AS (
                SELECT * FROM unnest(
                    $1::bool[], $2::text[], $3::text[], $4::text[],
                    $5::float8[], $6::float8[], $7::float8[], $8::int8[],
                    $9::bool[], $10::text[], $11::bool[], $12::text[],
                    $13::int8[], $14::bool[], $15::text[], $16::text[],
                    $17::float8[], $18::float8[], $19::int8[]
                ) WITH ORDINALITY AS w(is_fill, venue, fill_id, order_id, quantity, price, commission, fill_ms,
                                       has_state, state, has_venue_order, venue_order, state_ms, has_position,
                                       strategy, symbol, position_quantity, average_price, position_ms, n)
            ), missing AS (
                SELECT DISTINCT order_id FROM input
                WHERE NOT EXISTS (SELECT 1 FROM orders WHERE orders.client_order_id = input.order_id)
            ), inserted AS (
                INSERT INTO fills (\(PostgresRows.fillColumns))
                SELECT venue, fill_id, order_id, quantity, price, commission, fill_ms FROM input
                WHERE is_fill AND NOT EXISTS (SELECT 1 FROM missing)
                ORDER BY n
                ON CONFLICT (venue, fill_id) DO NOTHING
                RETURNING venue, fill_id
            ), new_fills AS (
                SELECT DISTINCT ON (i.venue, i.fill_id) i.n
                FROM input i JOIN inserted f ON f.venue = i.venue AND f.fill_id = i.fill_id
                WHERE i.is_fill
                ORDER BY i.venue, i.fill_id, i.n
            ), applied AS (
                SELECT * FROM input
                WHERE (NOT is_fill OR n IN (SELECT n FROM new_fills)) AND NOT EXISTS (SELECT 1 FROM missing)
            ), last_state AS (
                SELECT DISTINCT ON (order_id) order_id, state, state_ms FROM applied WHERE has_state
                ORDER BY order_id, n DESC
            ), last_venue_order AS (
                SELECT DISTINCT ON (order_id) order_id, venue_order FROM applied WHERE has_state AND has_venue_order
                ORDER BY order_id, n DESC
            ), moved AS (
                UPDATE orders SET state = s.state, venue_order_id = coalesce(v.venue_order, orders.venue_order_id),
                    updated_ms = s.state_ms
                FROM last_state s LEFT JOIN last_venue_order v ON v.order_id = s.order_id
                WHERE orders.client_order_id = s.order_id
                RETURNING orders.client_order_id
            ), positioned AS (
                INSERT INTO positions (\(PostgresRows.positionColumns))
                SELECT DISTINCT ON (strategy, symbol) strategy, symbol, position_quantity, average_price, position_ms
                FROM applied WHERE has_position
                ORDER BY strategy, symbol, n DESC
                ON CONFLICT (strategy, symbol) DO UPDATE SET
                    quantity = excluded.quantity, average_price = excluded.average_price, updated_ms = excluded.updated_ms
                RETURNING 1
            )
            SELECT (SELECT array_agg(n) FROM new_fills), (SELECT array_agg(order_id) FROM missing)
        """

    typealias Row = (applied: [Int64]?, missing: [String]?)

    var columns: OrderBookColumns

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 19)
        bindings.append(columns.isFill)
        bindings.append(columns.venue)
        bindings.append(columns.fillID)
        bindings.append(columns.orderID)
        bindings.append(columns.quantity)
        bindings.append(columns.price)
        bindings.append(columns.commission)
        bindings.append(columns.fillTime)
        bindings.append(columns.hasState)
        bindings.append(columns.state)
        bindings.append(columns.hasVenueOrder)
        bindings.append(columns.venueOrder)
        bindings.append(columns.stateTime)
        bindings.append(columns.hasPosition)
        bindings.append(columns.strategy)
        bindings.append(columns.symbol)
        bindings.append(columns.positionQuantity)
        bindings.append(columns.averagePrice)
        bindings.append(columns.positionTime)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(([Int64]?, [String]?).self)
    }
}
