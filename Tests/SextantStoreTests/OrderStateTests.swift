import Testing

@testable import SextantStore

@Suite struct OrderStateTests {
    @Test func lifecycleKeepsTheVenueOrderIDOnceKnown() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        _ = try await store.recordIntent(Samples.order("A"))

        let acknowledged = try await store.updateOrderState(
            clientOrderID: "A", to: .acknowledged, venueOrderID: "V-17", at: .init(1_700_000_060_500))
        #expect(acknowledged.state == .acknowledged)
        #expect(acknowledged.venueOrderID == "V-17")
        #expect(acknowledged.updated == EpochMilliseconds(1_700_000_060_500))
        #expect(acknowledged.created == Samples.order("A").created)

        let partial = try await store.updateOrderState(
            clientOrderID: "A", to: .partiallyFilled, at: .init(1_700_000_061_000))
        #expect(partial.venueOrderID == "V-17")
        let filled = try await store.updateOrderState(clientOrderID: "A", to: .filled, at: .init(1_700_000_062_000))
        #expect(filled.state == .filled)
        #expect(try await store.order(clientOrderID: "A") == filled)
    }

    @Test(arguments: OrderRecord.State.allCases)
    func openAndUnsentFollowTheState(state: OrderRecord.State) async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        try await fixture.store.updateOrderState(clientOrderID: "A", to: state, at: .init(7))

        let open = try await fixture.store.openOrders().map(\.clientOrderID)
        let unsent = try await fixture.store.unsentIntents().map(\.clientOrderID)
        let expectOpen = [.new, .acknowledged, .partiallyFilled].contains(state)
        #expect(open == (expectOpen ? ["A"] : []))
        #expect(unsent == (state == .new ? ["A"] : []))
    }

    @Test func openOrdersComeOldestFirst() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("C", created: 3000))
        _ = try await fixture.store.recordIntent(Samples.order("A", created: 1000))
        _ = try await fixture.store.recordIntent(Samples.order("B", created: 2000))
        _ = try await fixture.store.recordIntent(Samples.order("D", created: 4000))
        try await fixture.store.updateOrderState(clientOrderID: "D", to: .cancelled, at: .init(5000))
        try await fixture.store.updateOrderState(clientOrderID: "B", to: .acknowledged, at: .init(5000))

        #expect(try await fixture.store.openOrders().map(\.clientOrderID) == ["A", "B", "C"])
        #expect(try await fixture.store.unsentIntents().map(\.clientOrderID) == ["A", "C"])
    }

    @Test func updatingAnUnknownOrderThrows() async throws {
        let fixture = try await StoreFixture()
        await #expect(throws: StoreError.orderNotFound(clientOrderID: "nope")) {
            try await fixture.store.updateOrderState(clientOrderID: "nope", to: .filled, at: .init(1))
        }
    }

    @Test func anUnknownOrderIsNil() async throws {
        let fixture = try await StoreFixture()
        #expect(try await fixture.store.order(clientOrderID: "nope") == nil)
    }
}
