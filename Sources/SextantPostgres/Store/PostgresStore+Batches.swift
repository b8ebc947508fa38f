internal import PostgresNIO
public import SextantStore

/// A bar's intents and a drain's fills and order states, each list in one prepared statement
/// (`RecordIntentsStatement`, `RecordOrderBookStatement`): the columns travel as binary arrays through
/// `unnest`, so a bar costs one round trip and one durable commit per list instead of one per record.
extension PostgresStore {
    public func recordIntents(_ orders: [OrderRecord]) async throws -> [RecordedIntent] {
        for order in orders { try order.validate() }
        guard !orders.isEmpty else { return [] }
        // An ID repeated in the list is sent once: the later copies are "already stored", as they would
        // be recorded one by one.
        var seen: Set<String> = []
        let unique = orders.filter { seen.insert($0.clientOrderID).inserted }
        let ids = unique.map(\.clientOrderID)
        let inserted: Set<String>
        let logger = logger
        do {
            inserted = try await withConnection { connection in
                var inserted: Set<String> = []
                for try await id in try await connection.execute(RecordIntentsStatement(orders: unique), logger: logger)
                {
                    inserted.insert(id)
                }
                return inserted
            }
        } catch StoreError.invalidRecord(let message) where message.contains("orders_strategy_version_fkey") {
            for hash in unique.map(\.strategyVersion) where try await strategyVersion(contentHash: hash) == nil {
                throw StoreError.unknownStrategyVersion(contentHash: hash)
            }
            throw StoreError.invalidRecord(message)
        }
        // The rows that were already there, read by a second statement: it sees every committed row,
        // including one a concurrent engine inserted while this INSERT waited on its key.
        let known = ids.filter { !inserted.contains($0) }
        var stored: [String: OrderRecord] = [:]
        if !known.isEmpty {
            let shown = location.description
            for order in try await rows(
                """
                SELECT \(unescaped: PostgresRows.orderColumns) FROM orders WHERE client_order_id = ANY(\(known)::text[])
                """, { row in try PostgresRows.order(row, location: shown) })
            {
                stored[order.clientOrderID] = order
            }
        }
        var first: Set<String> = []
        var results: [RecordedIntent] = []
        results.reserveCapacity(orders.count)
        for order in orders {
            let id = order.clientOrderID
            let isFirst = first.insert(id).inserted
            if inserted.contains(id) {
                // The list's first copy made the row; a later copy finds that row.
                let row = unique.first { $0.clientOrderID == id } ?? order
                results.append(RecordedIntent(order: row, wasInserted: isFirst))
            } else if let row = stored[id] {
                results.append(RecordedIntent(order: row, wasInserted: false))
            } else {
                throw StoreError.database("\(location): order \(id) was neither inserted nor found")
            }
        }
        return results
    }

    @discardableResult
    public func record(_ writes: [OrderBookWrite]) async throws -> [Bool] {
        for write in writes { try write.validate() }
        guard !writes.isEmpty else { return [] }
        let columns = OrderBookColumns(writes)
        let logger = logger
        let outcome: (applied: [Int64], missing: [String])
        do {
            outcome = try await withConnection { connection in
                var outcome: (applied: [Int64], missing: [String]) = ([], [])
                for try await row in try await connection.execute(
                    RecordOrderBookStatement(columns: columns), logger: logger)
                {
                    outcome = (row.applied ?? [], row.missing ?? [])
                }
                return outcome
            }
            if let id = writes.map(\.clientOrderID).first(where: outcome.missing.contains) {
                throw StoreError.orderNotFound(clientOrderID: id)
            }
        } catch StoreError.invalidRecord(let message) where message.contains("fills_order_fkey") {
            // An order deleted or not yet visible between the statement's check and its insert.
            let ids = Array(Set(writes.map(\.clientOrderID)))
            let existing = Set(
                try await rows(
                    "SELECT client_order_id FROM orders WHERE client_order_id = ANY(\(ids)::text[])",
                    { row in try row.decode(String.self) }))
            if let id = writes.map(\.clientOrderID).first(where: { !existing.contains($0) }) {
                throw StoreError.orderNotFound(clientOrderID: id)
            }
            throw StoreError.invalidRecord(message)
        }
        let applied = Set(outcome.applied)
        return writes.indices.map { index in
            guard case .fill = writes[index] else { return true }
            return applied.contains(Int64(index + 1))
        }
    }
}
