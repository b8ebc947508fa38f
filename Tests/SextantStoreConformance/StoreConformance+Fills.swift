import SextantStore

extension StoreConformance {
    static let fillChecks: [StoreCheck] =
        [
            StoreCheck("a replayed fill is stored once") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A"))
                try expect(try await store.recordFill(Samples.fill("F1", order: "A")), "first recording is new")
                try expect(!(try await store.recordFill(Samples.fill("F1", order: "A"))), "replay is not new")
                try expectEqual(try await store.fills(for: "A"), [Samples.fill("F1", order: "A")], "fills")
                try expectEqual(try await harness.count("fills"), 1, "fill rows")
            },
            StoreCheck("fill IDs are unique per venue only") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A"))
                try expect(try await store.recordFill(Samples.fill("F1", order: "A", venue: "paper")), "paper")
                try expect(try await store.recordFill(Samples.fill("F1", order: "A", venue: "binance")), "binance")
                try expectEqual(try await store.fills(for: "A").map(\.venue), ["binance", "paper"], "venues")
            },
            StoreCheck("a new fill moves the order and the position in one transaction") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A", quantity: 2))
                let position = PositionRecord(
                    strategy: "sma_cross", symbol: "GOOG", quantity: 1, averagePrice: 101.25, updated: .init(10))
                let isNew = try await store.recordFill(
                    Samples.fill("F1", order: "A"),
                    orderState: OrderStateUpdate(state: .partiallyFilled, venueOrderID: "V1", time: .init(10)),
                    position: position)
                try expect(isNew, "new")
                let order = try await store.order(clientOrderID: "A")
                try expectEqual(order?.state, .partiallyFilled, "state")
                try expectEqual(order?.venueOrderID, "V1", "venue order ID")
                try expectEqual(order?.updated, EpochMilliseconds(10), "updated")
                try expectEqual(try await store.positions(), [position], "positions")
            },
            StoreCheck("a duplicate fill changes neither order nor position") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A", quantity: 2))
                let first = PositionRecord(
                    strategy: "sma_cross", symbol: "GOOG", quantity: 1, averagePrice: 101.25, updated: .init(10))
                try await store.recordFill(
                    Samples.fill("F1", order: "A"),
                    orderState: OrderStateUpdate(state: .partiallyFilled, time: .init(10)),
                    position: first)
                // The same execution replayed after a reconnect: applying it again would double the position.
                let doubled = PositionRecord(
                    strategy: "sma_cross", symbol: "GOOG", quantity: 2, averagePrice: 101.25, updated: .init(20))
                let isNew = try await store.recordFill(
                    Samples.fill("F1", order: "A"), orderState: OrderStateUpdate(state: .filled, time: .init(20)),
                    position: doubled)
                try expect(!isNew, "not new")
                try expectEqual(try await store.order(clientOrderID: "A")?.state, .partiallyFilled, "state")
                try expectEqual(try await store.positions(), [first], "positions")
            },
            StoreCheck("a fill for an unknown order is refused and nothing is written") { harness in
                let position = PositionRecord(
                    strategy: "s", symbol: "GOOG", quantity: 1, averagePrice: 1, updated: .init(1))
                try await expectError("ghost order", matches: { $0.is(.orderNotFound(clientOrderID: "ghost")) }) {
                    try await harness.store.recordFill(
                        Samples.fill("F1", order: "ghost"), orderState: nil, position: position)
                }
                try expectEqual(try await harness.count("fills"), 0, "fills")
                try expectEqual(try await harness.count("positions"), 0, "positions")
            },
            StoreCheck("fills come in execution order") { harness in
                let store = harness.store
                _ = try await store.recordIntent(Samples.order("A"))
                for (id, time) in [("F3", 3000), ("F1", 1000), ("F2", 2000)] {
                    var fill = Samples.fill(id, order: "A")
                    fill.time = EpochMilliseconds(Int64(time))
                    try await store.recordFill(fill)
                }
                try expectEqual(try await store.fills(for: "A").map(\.fillID), ["F1", "F2", "F3"], "order")
                try expect(try await store.fills(for: "other").isEmpty, "no fills for another order")
            },
        ]
        + invalidFills.map { label, fill in
            StoreCheck("an invalid fill is refused: \(label)") { harness in
                _ = try await harness.store.recordIntent(Samples.order("A"))
                try await expectError(label, matches: \.isInvalidRecord) {
                    try await harness.store.recordFill(fill)
                }
                try expectEqual(try await harness.count("fills"), 0, "fills")
            }
        }

    static let invalidFills: [(String, FillRecord)] = [
        (
            "zero quantity",
            FillRecord(venue: "paper", fillID: "F", clientOrderID: "A", quantity: 0, price: 1, time: .init(1))
        ),
        (
            "NaN price",
            FillRecord(venue: "paper", fillID: "F", clientOrderID: "A", quantity: 1, price: .nan, time: .init(1))
        ),
        (
            "zero price",
            FillRecord(venue: "paper", fillID: "F", clientOrderID: "A", quantity: 1, price: 0, time: .init(1))
        ),
        (
            "infinite commission",
            FillRecord(
                venue: "paper", fillID: "F", clientOrderID: "A", quantity: 1, price: 1, commission: .infinity,
                time: .init(1))
        ),
        ("empty venue", FillRecord(venue: "", fillID: "F", clientOrderID: "A", quantity: 1, price: 1, time: .init(1))),
        (
            "empty fill ID",
            FillRecord(venue: "paper", fillID: "", clientOrderID: "A", quantity: 1, price: 1, time: .init(1))
        ),
    ]
}
