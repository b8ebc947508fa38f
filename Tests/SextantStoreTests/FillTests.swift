import Testing

@testable import SextantStore

@Suite struct FillTests {
    @Test func aReplayedFillIsStoredOnce() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))

        #expect(try await fixture.store.recordFill(Samples.fill("F1", order: "A")))
        #expect(try await fixture.store.recordFill(Samples.fill("F1", order: "A")) == false)
        #expect(try await fixture.store.fills(for: "A") == [Samples.fill("F1", order: "A")])
        #expect(try await fixture.count("fills") == 1)
    }

    @Test func fillIDsAreUniquePerVenueOnly() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        #expect(try await fixture.store.recordFill(Samples.fill("F1", order: "A", venue: "paper")))
        #expect(try await fixture.store.recordFill(Samples.fill("F1", order: "A", venue: "binance")))
        #expect(try await fixture.store.fills(for: "A").map(\.venue) == ["binance", "paper"])
    }

    @Test func aNewFillMovesTheOrderAndThePositionInOneTransaction() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        _ = try await store.recordIntent(Samples.order("A", quantity: 2))
        let position = PositionRecord(
            strategy: "sma_cross", symbol: "GOOG", quantity: 1, averagePrice: 101.25, updated: .init(10))

        let isNew = try await store.recordFill(
            Samples.fill("F1", order: "A"),
            orderState: OrderStateUpdate(state: .partiallyFilled, venueOrderID: "V1", time: .init(10)),
            position: position)
        #expect(isNew)
        #expect(try await store.order(clientOrderID: "A")?.state == .partiallyFilled)
        #expect(try await store.order(clientOrderID: "A")?.venueOrderID == "V1")
        #expect(try await store.positions() == [position])
    }

    @Test func aDuplicateFillChangesNeitherOrderNorPosition() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        _ = try await store.recordIntent(Samples.order("A", quantity: 2))
        let first = PositionRecord(
            strategy: "sma_cross", symbol: "GOOG", quantity: 1, averagePrice: 101.25, updated: .init(10))
        try await store.recordFill(
            Samples.fill("F1", order: "A"), orderState: OrderStateUpdate(state: .partiallyFilled, time: .init(10)),
            position: first)

        // The same execution replayed after a reconnect: applying it again would double the position.
        let doubled = PositionRecord(
            strategy: "sma_cross", symbol: "GOOG", quantity: 2, averagePrice: 101.25, updated: .init(20))
        let isNew = try await store.recordFill(
            Samples.fill("F1", order: "A"), orderState: OrderStateUpdate(state: .filled, time: .init(20)),
            position: doubled)
        #expect(!isNew)
        #expect(try await store.order(clientOrderID: "A")?.state == .partiallyFilled)
        #expect(try await store.positions() == [first])
    }

    @Test func aFillForAnUnknownOrderIsRefusedAndNothingIsWritten() async throws {
        let fixture = try await StoreFixture()
        let position = PositionRecord(strategy: "s", symbol: "GOOG", quantity: 1, averagePrice: 1, updated: .init(1))
        await #expect(throws: StoreError.orderNotFound(clientOrderID: "ghost")) {
            try await fixture.store.recordFill(Samples.fill("F1", order: "ghost"), orderState: nil, position: position)
        }
        #expect(try await fixture.count("fills") == 0)
        #expect(try await fixture.count("positions") == 0)
    }

    @Test(arguments: [
        FillRecord(venue: "paper", fillID: "F", clientOrderID: "A", quantity: 0, price: 1, time: .init(1)),
        FillRecord(venue: "paper", fillID: "F", clientOrderID: "A", quantity: 1, price: .nan, time: .init(1)),
        FillRecord(venue: "paper", fillID: "F", clientOrderID: "A", quantity: 1, price: 0, time: .init(1)),
        FillRecord(
            venue: "paper", fillID: "F", clientOrderID: "A", quantity: 1, price: 1, commission: .infinity,
            time: .init(1)),
        FillRecord(venue: "", fillID: "F", clientOrderID: "A", quantity: 1, price: 1, time: .init(1)),
        FillRecord(venue: "paper", fillID: "", clientOrderID: "A", quantity: 1, price: 1, time: .init(1)),
    ])
    func refusesInvalidFills(fill: FillRecord) async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        await #expect(throws: StoreError.self) { try await fixture.store.recordFill(fill) }
        #expect(try await fixture.count("fills") == 0)
    }

    @Test func fillsComeInExecutionOrder() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        for (id, time) in [("F3", 3000), ("F1", 1000), ("F2", 2000)] {
            var fill = Samples.fill(id, order: "A")
            fill.time = EpochMilliseconds(Int64(time))
            try await fixture.store.recordFill(fill)
        }
        #expect(try await fixture.store.fills(for: "A").map(\.fillID) == ["F1", "F2", "F3"])
        #expect(try await fixture.store.fills(for: "other").isEmpty)
    }
}
