import Testing

@testable import SextantStore

@Suite struct RiskAndEquityTests {
    @Test func riskEventsGetIncreasingIDsAndComeBackInTimeOrder() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        let first = try await store.recordRiskEvent(
            RiskEventRecord(
                time: .init(2000), strategy: "s", symbol: "GOOG", rule: "max_order_notional", decision: .rejected,
                reason: "notional 12,000 over the 10,000 limit", details: #"{"notional": 12000, "limit": 10000}"#))
        let second = try await store.recordRiskEvent(
            RiskEventRecord(
                time: .init(1000), strategy: nil, symbol: nil, rule: "kill_switch", decision: .haltAll,
                reason: "kill file present"))
        let custom = try await store.recordRiskEvent(
            RiskEventRecord(
                time: .init(3000), strategy: "s", symbol: nil, rule: "circuit_breakers.drawdown",
                decision: .init(rawValue: "pause_one_bar"), reason: "test"))
        let ids = [first.id, second.id, custom.id].compactMap(\.self)
        #expect(ids.count == 3 && ids == ids.sorted() && Set(ids).count == 3)

        let all = try await store.riskEvents(since: .init(0))
        #expect(all == [second, first, custom])
        #expect(try await store.riskEvents(since: .init(2000)) == [first, custom])
    }

    @Test(arguments: ["{not json", "[1, 2", "NaN", ""])
    func detailsMustBeJSON(details: String) async throws {
        let fixture = try await StoreFixture()
        await #expect(throws: StoreError.self) {
            try await fixture.store.recordRiskEvent(
                RiskEventRecord(
                    time: .init(1), strategy: "s", symbol: nil, rule: "r", decision: .allowed, reason: "x",
                    details: details))
        }
        #expect(try await fixture.count("risk_events") == 0)
    }

    @Test func equityAtTheSameTimeIsReplacedNotDuplicated() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        try await store.recordRun(Samples.run)
        try await store.recordEquity(.init(runID: "run-1", time: .init(2000), equity: 10_100, cash: 5000))
        try await store.recordEquity(.init(runID: "run-1", time: .init(1000), equity: 10_000, cash: 10_000))
        try await store.recordEquity(.init(runID: "run-1", time: .init(2000), equity: 10_150, cash: 5000))

        #expect(
            try await store.equitySnapshots(runID: "run-1") == [
                EquitySnapshotRecord(runID: "run-1", time: .init(1000), equity: 10_000, cash: 10_000),
                EquitySnapshotRecord(runID: "run-1", time: .init(2000), equity: 10_150, cash: 5000),
            ])
    }

    @Test func equityNeedsItsRun() async throws {
        let fixture = try await StoreFixture()
        await #expect(throws: StoreError.unknownRun(id: "nope")) {
            try await fixture.store.recordEquity(.init(runID: "nope", time: .init(1), equity: 1, cash: 1))
        }
    }
}
