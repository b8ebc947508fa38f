internal import PostgresNIO
internal import SextantStore

/// The statement behind `PostgresStore.recordIntents(_:)`, prepared once per connection: a bar's
/// intents as column arrays (IDs unique within the list), inserted unless their client order ID is
/// stored; returns the IDs it inserted. PostgresNIO has no arrays of optionals, so each nullable column
/// travels with a `has_…` flag array and the SQL reads `CASE WHEN has_x THEN x END`.
struct RecordIntentsStatement: PostgresPreparedStatement {
    static let name = "sextant_record_intents_v1"

    static let sql = """
        INSERT INTO orders (\(PostgresRows.orderColumns))
        SELECT id, version, symbol, side, quantity, type, CASE WHEN has_limit THEN limit_price END,
               CASE WHEN has_stop THEN stop_price END, bar_time, rule, leg, state,
               CASE WHEN has_venue_order THEN venue_order END, created_ms, updated_ms
        FROM unnest(
            $1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::bool[], $8::float8[],
            $9::bool[], $10::float8[], $11::int8[], $12::text[], $13::text[], $14::text[], $15::bool[],
            $16::text[], $17::int8[], $18::int8[]
        ) WITH ORDINALITY AS u(id, version, symbol, side, quantity, type, has_limit, limit_price, has_stop,
                               stop_price, bar_time, rule, leg, state, has_venue_order, venue_order,
                               created_ms, updated_ms, n)
        ORDER BY n
        ON CONFLICT (client_order_id) DO NOTHING
        RETURNING client_order_id
        """

    typealias Row = String

    /// The orders, each client order ID once.
    var orders: [OrderRecord]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 18)
        bindings.append(orders.map(\.clientOrderID))
        bindings.append(orders.map(\.strategyVersion))
        bindings.append(orders.map(\.symbol))
        bindings.append(orders.map(\.side.rawValue))
        bindings.append(orders.map(\.quantity))
        bindings.append(orders.map(\.kind.rawValue))
        bindings.append(orders.map { $0.limitPrice != nil })
        bindings.append(orders.map { $0.limitPrice ?? 0 })
        bindings.append(orders.map { $0.stopPrice != nil })
        bindings.append(orders.map { $0.stopPrice ?? 0 })
        bindings.append(orders.map(\.barTime))
        bindings.append(orders.map(\.rule))
        bindings.append(orders.map(\.leg))
        bindings.append(orders.map(\.state.rawValue))
        bindings.append(orders.map { $0.venueOrderID != nil })
        bindings.append(orders.map { $0.venueOrderID ?? "" })
        bindings.append(orders.map(\.created.rawValue))
        bindings.append(orders.map(\.updated.rawValue))
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(String.self)
    }
}
