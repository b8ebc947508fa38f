import Testing

@testable import SextantStore

@Suite struct IntentTests {
    @Test func firstRecordingInserts() async throws {
        let fixture = try await StoreFixture()
        let result = try await fixture.store.recordIntent(Samples.order("A"))
        #expect(result.wasInserted)
        #expect(result.order == Samples.order("A"))
        #expect(try await fixture.store.order(clientOrderID: "A") == Samples.order("A"))
    }

    @Test func sameClientOrderIDTwiceKeepsOneRowAndReturnsTheStoredOne() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A", quantity: 10))
        try await fixture.store.updateOrderState(
            clientOrderID: "A", to: .acknowledged, venueOrderID: "V1", at: .init(5))

        // A restart replaying the bar computes the same ID (and here a different quantity): the stored
        // order wins and tells the caller it was already acknowledged.
        let again = try await fixture.store.recordIntent(Samples.order("A", quantity: 99))
        #expect(!again.wasInserted)
        #expect(again.order.quantity == 10)
        #expect(again.order.state == .acknowledged)
        #expect(again.order.venueOrderID == "V1")
        #expect(try await fixture.count("orders") == 1)
    }

    @Test func concurrentRecordingsOfOneIDInsertOnce() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try await store.recordIntent(Samples.order("SAME")).wasInserted }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(inserted == 1)
        #expect(try await fixture.count("orders") == 1)
    }

    @Test func anIntentNeedsItsStrategyVersion() async throws {
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("s.sqlite"))
        await #expect(throws: StoreError.unknownStrategyVersion(contentHash: Samples.versionHash)) {
            _ = try await store.recordIntent(Samples.order("A"))
        }
    }

    @Test(arguments: [
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
    ])
    func refusesInvalidOrders(_ label: String, order: OrderRecord) async throws {
        let fixture = try await StoreFixture()
        await #expect(throws: StoreError.self, "\(label)") {
            _ = try await fixture.store.recordIntent(order)
        }
        #expect(try await fixture.count("orders") == 0)
    }

    @Test(arguments: [
        Samples.order("L", kind: .limit, limitPrice: 99.5),
        Samples.order("S", kind: .stop, stopPrice: 95),
        Samples.order("SL", kind: .stopLimit, limitPrice: 94.5, stopPrice: 95),
    ])
    func storesPricedOrdersExactly(order: OrderRecord) async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(order)
        #expect(try await fixture.store.order(clientOrderID: order.clientOrderID) == order)
    }

    @Test func theSchemaRefusesWhatTheChecksWouldMissToo() async throws {
        let fixture = try await StoreFixture()
        // Straight SQL, past the Swift checks: the CHECK constraints are the second line.
        await #expect(throws: StoreError.self) {
            try await fixture.store.execute(
                rawSQL: """
                    INSERT INTO orders VALUES ('X', '\(Samples.versionHash)', 'GOOG', 'buy', 1, 'limit', NULL, NULL,
                    0, 'r', 'l', 'new', NULL, 0, 0)
                    """)
        }
        #expect(try await fixture.count("orders") == 0)
    }
}
