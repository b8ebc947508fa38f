import SextantStore

extension StoreConformance {
    static let orderStateChecks: [StoreCheck] =
        [
            StoreCheck("the lifecycle keeps the venue order ID once known") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A"))
                let acknowledged = try await store.updateOrderState(
                    clientOrderID: "A", to: .acknowledged, venueOrderID: "V-17", at: .init(1_700_000_060_500))
                try expectEqual(acknowledged.state, .acknowledged, "state")
                try expectEqual(acknowledged.venueOrderID, "V-17", "venue order ID")
                try expectEqual(acknowledged.updated, EpochMilliseconds(1_700_000_060_500), "updated")
                try expectEqual(acknowledged.created, Samples.order("A").created, "created")
                let partial = try await store.updateOrderState(
                    clientOrderID: "A", to: .partiallyFilled, at: .init(1_700_000_061_000))
                try expectEqual(partial.venueOrderID, "V-17", "venue order ID kept")
                let filled = try await store.updateOrderState(
                    clientOrderID: "A", to: .filled, at: .init(1_700_000_062_000))
                try expectEqual(filled.state, .filled, "state")
                try expectEqual(try await store.order(clientOrderID: "A"), filled, "stored order")
            },
            StoreCheck("open orders and unsent intents come oldest first") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("C", created: 3000))
                _ = try await store.recordIntent(Samples.order("A", created: 1000))
                _ = try await store.recordIntent(Samples.order("B", created: 2000))
                _ = try await store.recordIntent(Samples.order("D", created: 4000))
                try await store.updateOrderState(clientOrderID: "D", to: .cancelled, at: .init(5000))
                try await store.updateOrderState(clientOrderID: "B", to: .acknowledged, at: .init(5000))
                try expectEqual(try await store.openOrders().map(\.clientOrderID), ["A", "B", "C"], "open")
                try expectEqual(try await store.unsentIntents().map(\.clientOrderID), ["A", "C"], "unsent")
            },
            StoreCheck("updating an unknown order throws orderNotFound") { harness in
                try await expectError("unknown order", matches: { $0.is(.orderNotFound(clientOrderID: "nope")) }) {
                    try await harness.store.updateOrderState(clientOrderID: "nope", to: .filled, at: .init(1))
                }
            },
            StoreCheck("an unknown order is nil") { harness in
                try expectEqual(try await harness.store.order(clientOrderID: "nope"), nil, "order")
            },
        ]
        + OrderRecord.State.allCases.map { state in
            StoreCheck("open and unsent follow the state: \(state.rawValue)") { harness in
                _ = try await harness.store.recordIntent(Samples.order("A"))
                try await harness.store.updateOrderState(clientOrderID: "A", to: state, at: .init(7))
                let open = try await harness.store.openOrders().map(\.clientOrderID)
                let unsent = try await harness.store.unsentIntents().map(\.clientOrderID)
                try expectEqual(open, state.isOpen ? ["A"] : [], "open")
                try expectEqual(unsent, state == .new ? ["A"] : [], "unsent")
            }
        }
}
