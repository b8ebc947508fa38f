import SextantStore

extension StoreConformance {
    static let batchChecks: [StoreCheck] = [
        StoreCheck("a list of intents is recorded as one by one would") { harness in
            let store = harness.store
            _ = try await store.recordIntent(Samples.order("A", quantity: 10))
            let results = try await store.recordIntents([
                Samples.order("B"), Samples.order("A", quantity: 99), Samples.order("C", quantity: 3),
                Samples.order("B", quantity: 7),
            ])
            try expectEqual(results.map(\.wasInserted), [true, false, true, false], "inserted")
            try expectEqual(results.map(\.order.clientOrderID), ["B", "A", "C", "B"], "orders")
            // The stored rows win over the list's copies: A as first recorded, B as the list's first copy.
            try expectEqual(results.map(\.order.quantity), [10, 10, 3, 10], "quantities")
            try expectEqual(try await store.order(clientOrderID: "C"), Samples.order("C", quantity: 3), "C")
            try expectEqual(try await harness.count("orders"), 3, "orders")
            try expectEqual(try await store.recordIntents([]), [], "an empty list")
        },
        StoreCheck("a list of intents with an unknown strategy version writes nothing") { harness in
            var stray = Samples.order("B")
            stray.strategyVersion = "missing"
            try await expectError(
                "unknown version", matches: { $0.is(.unknownStrategyVersion(contentHash: "missing")) }
            ) {
                _ = try await harness.store.recordIntents([Samples.order("A"), stray, Samples.order("C")])
            }
            try expectEqual(try await harness.count("orders"), 0, "orders")
        },
        StoreCheck("a list of intents with an invalid order writes nothing") { harness in
            try await expectError("invalid", matches: \.isInvalidRecord) {
                _ = try await harness.store.recordIntents([Samples.order("A"), Samples.order("B", quantity: -1)])
            }
            try expectEqual(try await harness.count("orders"), 0, "orders")
        },
        StoreCheck("order-book writes apply as one by one would: states, venue IDs, duplicates, positions") { harness in
            let store = harness.store
            for id in ["A", "B"] { _ = try await store.recordIntent(Samples.order(id, quantity: 2)) }
            // Stored before the list: F0 of B. The list repeats it, and repeats its own F2.
            try await store.recordFill(
                Samples.fill("F0", order: "B"), orderState: OrderStateUpdate(state: .partiallyFilled, time: .init(5)),
                position: position("s", quantity: 1, time: 5))
            let applied = try await store.record([
                .orderState(
                    clientOrderID: "A", OrderStateUpdate(state: .acknowledged, venueOrderID: "VA", time: .init(10))),
                .fill(
                    Samples.fill("F1", order: "A"),
                    orderState: OrderStateUpdate(state: .partiallyFilled, time: .init(11)),
                    position: position("s", quantity: 2, time: 11)),
                .fill(
                    Samples.fill("F0", order: "B"), orderState: OrderStateUpdate(state: .filled, time: .init(12)),
                    position: position("s", quantity: 99, time: 12)),
                .fill(
                    Samples.fill("F2", order: "A"), orderState: OrderStateUpdate(state: .filled, time: .init(13)),
                    position: position("s", quantity: 3, time: 13)),
                .fill(
                    Samples.fill("F2", order: "A"), orderState: OrderStateUpdate(state: .cancelled, time: .init(14)),
                    position: position("s", quantity: 98, time: 14)),
                .orderState(clientOrderID: "B", OrderStateUpdate(state: .cancelled, time: .init(15))),
                .fill(Samples.fill("F3", order: "B"), orderState: nil, position: nil),
            ])
            try expectEqual(applied, [true, true, false, true, false, true, true], "applied")
            let a = try await store.order(clientOrderID: "A")
            try expectEqual(a?.state, .filled, "A's state")
            try expectEqual(a?.venueOrderID, "VA", "A's venue order ID (kept from the acknowledgement)")
            try expectEqual(a?.updated, EpochMilliseconds(13), "A's update time")
            let b = try await store.order(clientOrderID: "B")
            try expectEqual(b?.state, .cancelled, "B's state (a fill without a state leaves it)")
            try expectEqual(b?.updated, EpochMilliseconds(15), "B's update time")
            try expectEqual(try await store.positions(), [position("s", quantity: 3, time: 13)], "positions")
            try expectEqual(try await store.fills(for: "A").map(\.fillID), ["F1", "F2"], "A's fills")
            try expectEqual(try await store.fills(for: "B").map(\.fillID), ["F0", "F3"], "B's fills")
            try expectEqual(try await store.record([]), [], "an empty list")
        },
        StoreCheck("a long list of order-book writes ends as the same calls made one by one") { harness in
            // The same writes twice, on disjoint orders, fills and positions: one by one ("one-") and as
            // one list ("list-"). Every stored row must then be the same but for the prefix.
            let store = harness.store
            let writes = mixedWrites(count: 240)
            for prefix in ["one-", "list-"] {
                for order in 0..<orderCount {
                    _ = try await store.recordIntent(Samples.order("\(prefix)O\(order)", quantity: 1_000))
                }
                // Fills stored beforehand, which the writes repeat.
                try await store.recordFill(Samples.fill("\(prefix)F3", order: "\(prefix)O1"))
            }
            var oneByOne: [Bool] = []
            for write in writes.map({ prefixed($0, "one-") }) {
                switch write {
                case .fill(let fill, let state, let position):
                    oneByOne.append(try await store.recordFill(fill, orderState: state, position: position))
                case .orderState(let id, let update):
                    try await store.updateOrderState(
                        clientOrderID: id, to: update.state, venueOrderID: update.venueOrderID, at: update.time)
                    oneByOne.append(true)
                }
            }
            let listed = try await store.record(writes.map { prefixed($0, "list-") })
            try expectEqual(listed, oneByOne, "applied")
            try expect(listed.contains(false) && listed.contains(true), "the writes mix new and repeated fills")
            for order in 0..<orderCount {
                var one = try await store.order(clientOrderID: "one-O\(order)")
                let list = try await store.order(clientOrderID: "list-O\(order)")
                one?.clientOrderID = "list-O\(order)"
                try expectEqual(list, one, "order O\(order)")
                let oneFills = try await store.fills(for: "one-O\(order)").map { $0.fillID.dropFirst(4) }
                let listFills = try await store.fills(for: "list-O\(order)").map { $0.fillID.dropFirst(5) }
                try expectEqual(listFills, oneFills, "fills of O\(order)")
            }
            let positions = try await store.positions()
            let onePositions = positions.filter { $0.strategy.hasPrefix("one-") }
            let listPositions = positions.filter { $0.strategy.hasPrefix("list-") }
            try expectEqual(listPositions.count, 3, "positions")
            try expectEqual(
                listPositions.map { [$0.symbol, "\($0.quantity)", "\($0.averagePrice)", "\($0.updated.rawValue)"] },
                onePositions.map { [$0.symbol, "\($0.quantity)", "\($0.averagePrice)", "\($0.updated.rawValue)"] },
                "positions")
        },
        StoreCheck("order-book writes for an unknown order write nothing") { harness in
            let store = harness.store
            _ = try await store.recordIntent(Samples.order("A", quantity: 2))
            let good = OrderBookWrite.fill(
                Samples.fill("F1", order: "A"), orderState: OrderStateUpdate(state: .filled, time: .init(10)),
                position: position("s", quantity: 1, time: 10))
            for ghost in [
                OrderBookWrite.orderState(clientOrderID: "ghost", OrderStateUpdate(state: .cancelled, time: .init(11))),
                .fill(Samples.fill("F2", order: "ghost"), orderState: nil, position: nil),
            ] {
                try await expectError("ghost", matches: { $0.is(.orderNotFound(clientOrderID: "ghost")) }) {
                    try await store.record([good, ghost])
                }
            }
            try expectEqual(try await harness.count("fills"), 0, "fills")
            try expectEqual(try await harness.count("positions"), 0, "positions")
            try expectEqual(try await store.order(clientOrderID: "A")?.state, .new, "A's state")
        },
        StoreCheck("order-book writes with an invalid fill write nothing") { harness in
            let store = harness.store
            _ = try await store.recordIntent(Samples.order("A", quantity: 2))
            var bad = Samples.fill("F2", order: "A")
            bad.price = -1
            try await expectError("invalid", matches: \.isInvalidRecord) {
                try await store.record([
                    .fill(Samples.fill("F1", order: "A"), orderState: nil, position: nil),
                    .fill(bad, orderState: nil, position: nil),
                ])
            }
            try expectEqual(try await harness.count("fills"), 0, "fills")
        },
    ]

    private static let orderCount = 4

    private static func position(_ strategy: String, quantity: Double, time: Int64) -> PositionRecord {
        PositionRecord(strategy: strategy, symbol: "GOOG", quantity: quantity, averagePrice: 100, updated: .init(time))
    }

    /// Writes over `orderCount` orders and three positions, from a fixed linear congruential sequence:
    /// fills new and repeated (within the list and from before it: F3), with and without a state or a
    /// position, and state writes with and without a venue order ID.
    private static func mixedWrites(count: Int) -> [OrderBookWrite] {
        let states: [OrderRecord.State] = [.acknowledged, .partiallyFilled, .filled, .cancelled]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let order = "O\(next(orderCount))"
            let time = EpochMilliseconds(Int64(100 + index))
            let state = OrderStateUpdate(
                state: states[next(states.count)], venueOrderID: next(3) == 0 ? "V\(index)" : nil, time: time)
            if next(3) == 0 { return .orderState(clientOrderID: order, state) }
            var fill = Samples.fill("F\(next(count / 3))", order: order)
            fill.quantity = Double(1 + next(5))
            fill.time = time
            let position = PositionRecord(
                strategy: "P\(next(3))", symbol: "S", quantity: Double(next(50)), averagePrice: Double(90 + next(20)),
                updated: time)
            return .fill(fill, orderState: next(4) == 0 ? nil : state, position: next(4) == 0 ? nil : position)
        }
    }

    /// The write with `prefix` on its order, fill and position: the same write for a disjoint book.
    private static func prefixed(_ write: OrderBookWrite, _ prefix: String) -> OrderBookWrite {
        switch write {
        case .orderState(let id, let update):
            return .orderState(clientOrderID: prefix + id, update)
        case .fill(var fill, let state, var position):
            fill.clientOrderID = prefix + fill.clientOrderID
            fill.fillID = prefix + fill.fillID
            if let strategy = position?.strategy { position?.strategy = prefix + strategy }
            return .fill(fill, orderState: state, position: position)
        }
    }
}
