import SextantStore

extension StoreConformance {
    static let intentChecks: [StoreCheck] =
        [
            StoreCheck("the first recording of an intent inserts it") { harness in
                let result = try await harness.store.recordIntent(Samples.order("A"))
                try expect(result.wasInserted, "wasInserted")
                try expectEqual(result.order, Samples.order("A"), "returned order")
                try expectEqual(try await harness.store.order(clientOrderID: "A"), Samples.order("A"), "stored order")
            },
            StoreCheck("the same client order ID twice keeps one row and returns the stored one") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A", quantity: 10))
                try await store.updateOrderState(
                    clientOrderID: "A", to: .acknowledged, venueOrderID: "V1", at: .init(5))
                // A restart replaying the bar computes the same ID (here with another quantity): the stored
                // order wins and says it was already acknowledged.
                let again = try await store.recordIntent(Samples.order("A", quantity: 99))
                try expect(!again.wasInserted, "wasInserted must be false")
                try expectEqual(again.order.quantity, 10, "quantity")
                try expectEqual(again.order.state, .acknowledged, "state")
                try expectEqual(again.order.venueOrderID, "V1", "venue order ID")
                try expectEqual(try await harness.count("orders"), 1, "orders")
            },
            StoreCheck("concurrent recordings of one client order ID insert it once") { harness in
                let store = harness.store
                let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for _ in 0..<8 {
                        group.addTask { try await store.recordIntent(Samples.order("SAME")).wasInserted }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                try expectEqual(inserted, 1, "insertions")
                try expectEqual(try await harness.count("orders"), 1, "orders")
            },
            StoreCheck("an intent needs its strategy version") { harness in
                var order = Samples.order("A")
                order.strategyVersion = "missing"
                try await expectError(
                    "unknown version", matches: { $0.is(.unknownStrategyVersion(contentHash: "missing")) }
                ) {
                    _ = try await harness.store.recordIntent(order)
                }
                try expectEqual(try await harness.count("orders"), 0, "orders")
            },
        ]
        + invalidOrders.map { label, order in
            StoreCheck("an invalid order is refused and nothing is written: \(label)") { harness in
                try await expectError(label, matches: \.isInvalidRecord) {
                    _ = try await harness.store.recordIntent(order)
                }
                try expectEqual(try await harness.count("orders"), 0, "orders")
            }
        }
        + pricedOrders.map { order in
            StoreCheck("a \(order.kind.rawValue) order's prices are stored exactly") { harness in
                _ = try await harness.store.recordIntent(order)
                try expectEqual(try await harness.store.order(clientOrderID: order.clientOrderID), order, "order")
            }
        }

    static let invalidOrders: [(String, OrderRecord)] = [
        ("zero quantity", Samples.order("A", quantity: 0)),
        ("negative quantity", Samples.order("A", quantity: -1)),
        ("NaN quantity", Samples.order("A", quantity: .nan)),
        ("infinite quantity", Samples.order("A", quantity: .infinity)),
        ("limit without price", Samples.order("A", kind: .limit)),
        ("market with a limit price", Samples.order("A", kind: .market, limitPrice: 100)),
        ("stop without stop price", Samples.order("A", kind: .stop)),
        ("stop-limit without limit", Samples.order("A", kind: .stopLimit, stopPrice: 100)),
        ("negative limit price", Samples.order("A", kind: .limit, limitPrice: -5)),
        ("empty client order ID", Samples.order("")),
    ]

    static let pricedOrders = [
        Samples.order("L", kind: .limit, limitPrice: 99.5),
        Samples.order("S", kind: .stop, stopPrice: 95),
        Samples.order("SL", kind: .stopLimit, limitPrice: 94.5, stopPrice: 95),
    ]
}
