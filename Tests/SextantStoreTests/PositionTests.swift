import Testing

@testable import SextantStore

@Suite struct PositionTests {
    @Test func upsertKeepsOneRowPerStrategyAndSymbol() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        try await store.upsertPosition(
            .init(strategy: "s1", symbol: "GOOG", quantity: 10, averagePrice: 100, updated: .init(1)))
        try await store.upsertPosition(
            .init(strategy: "s1", symbol: "GOOG", quantity: 15, averagePrice: 102, updated: .init(2)))
        try await store.upsertPosition(
            .init(strategy: "s1", symbol: "AAPL", quantity: -5, averagePrice: 180, updated: .init(3)))
        try await store.upsertPosition(
            .init(strategy: "s0", symbol: "GOOG", quantity: 1, averagePrice: 99, updated: .init(4)))

        #expect(
            try await store.positions() == [
                PositionRecord(strategy: "s0", symbol: "GOOG", quantity: 1, averagePrice: 99, updated: .init(4)),
                PositionRecord(strategy: "s1", symbol: "AAPL", quantity: -5, averagePrice: 180, updated: .init(3)),
                PositionRecord(strategy: "s1", symbol: "GOOG", quantity: 15, averagePrice: 102, updated: .init(2)),
            ])
        #expect(try await fixture.count("positions") == 3)
    }

    @Test func aClosedPositionStaysFlat() async throws {
        let fixture = try await StoreFixture()
        try await fixture.store.upsertPosition(
            .init(strategy: "s", symbol: "GOOG", quantity: 3, averagePrice: 10, updated: .init(1)))
        try await fixture.store.upsertPosition(
            .init(strategy: "s", symbol: "GOOG", quantity: 0, averagePrice: 0, updated: .init(2)))
        #expect(try await fixture.store.positions().map(\.quantity) == [0])
    }

    @Test func positionsSurviveReopening() async throws {
        let fixture = try await StoreFixture()
        let position = PositionRecord(
            strategy: "s", symbol: "GOOG", quantity: 2.5, averagePrice: 1234.5678, updated: .init(9))
        try await fixture.store.upsertPosition(position)
        try await fixture.store.close()
        #expect(try await fixture.reopen().positions() == [position])
    }

    @Test func refusesANaNQuantity() async throws {
        let fixture = try await StoreFixture()
        await #expect(throws: StoreError.self) {
            try await fixture.store.upsertPosition(
                .init(strategy: "s", symbol: "X", quantity: .nan, averagePrice: 1, updated: .init(1)))
        }
    }
}
