import SextantStore

/// A real store (SQLite) whose writes fail as a lost connection would for a while: the first
/// `failures` intent writes (single or batched) and the first `fillFailures` fill or order-book writes
/// throw `StoreError.unavailable` without reaching the store — what the Postgres store throws when its
/// server goes away.
final class FlakyStore: TradingStore, @unchecked Sendable {
    let base: SQLiteStore
    private var failures: Int
    private var fillFailures: Int
    private(set) var refused = 0

    init(_ base: SQLiteStore, failures: Int, fillFailures: Int = 0) {
        self.base = base
        self.failures = failures
        self.fillFailures = fillFailures
    }

    /// Throws as a lost connection would while `budget` lasts (using one of it), else runs `write`.
    private func failing<T>(_ budget: inout Int, _ write: () async throws -> T) async throws -> T {
        if budget > 0 {
            budget -= 1
            refused += 1
            throw StoreError.unavailable("connection lost")
        }
        return try await write()
    }

    func recordIntent(_ order: OrderRecord) async throws -> RecordedIntent {
        try await failing(&failures) { try await base.recordIntent(order) }
    }

    func recordIntents(_ orders: [OrderRecord]) async throws -> [RecordedIntent] {
        try await failing(&failures) { try await base.recordIntents(orders) }
    }

    func record(_ writes: [OrderBookWrite]) async throws -> [Bool] {
        try await failing(&fillFailures) { try await base.record(writes) }
    }

    func recordFill(_ fill: FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?) async throws -> Bool {
        try await failing(&fillFailures) {
            try await base.recordFill(fill, orderState: orderState, position: position)
        }
    }

    func recordStrategyVersion(_ version: StrategyVersionRecord) async throws -> StrategyVersionRecord {
        try await base.recordStrategyVersion(version)
    }
    func strategyVersion(contentHash: String) async throws -> StrategyVersionRecord? {
        try await base.strategyVersion(contentHash: contentHash)
    }
    func latestStrategyVersion(named name: String) async throws -> StrategyVersionRecord? {
        try await base.latestStrategyVersion(named: name)
    }
    func recordRun(_ run: RunRecord) async throws { try await base.recordRun(run) }
    func run(id: String) async throws -> RunRecord? { try await base.run(id: id) }
    func updateOrderState(
        clientOrderID: String, to state: OrderRecord.State, venueOrderID: String?, at time: EpochMilliseconds
    ) async throws -> OrderRecord {
        try await base.updateOrderState(clientOrderID: clientOrderID, to: state, venueOrderID: venueOrderID, at: time)
    }
    func order(clientOrderID: String) async throws -> OrderRecord? {
        try await base.order(clientOrderID: clientOrderID)
    }
    func openOrders() async throws -> [OrderRecord] { try await base.openOrders() }
    func unsentIntents() async throws -> [OrderRecord] { try await base.unsentIntents() }
    func fills(for clientOrderID: String) async throws -> [FillRecord] { try await base.fills(for: clientOrderID) }
    func upsertPosition(_ position: PositionRecord) async throws { try await base.upsertPosition(position) }
    func positions() async throws -> [PositionRecord] { try await base.positions() }
    func recordRiskEvent(_ event: RiskEventRecord) async throws -> RiskEventRecord {
        try await base.recordRiskEvent(event)
    }
    func riskEvents(since time: EpochMilliseconds) async throws -> [RiskEventRecord] {
        try await base.riskEvents(since: time)
    }
    func recordEquity(_ snapshot: EquitySnapshotRecord) async throws { try await base.recordEquity(snapshot) }
    func equitySnapshots(runID: String) async throws -> [EquitySnapshotRecord] {
        try await base.equitySnapshots(runID: runID)
    }
    func close() async throws { try await base.close() }
}
