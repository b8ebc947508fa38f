import SextantStore

/// One record `RunJournal` writes: the run, a risk decision or an equity snapshot.
enum JournalEntry: Sendable {
    case run(RunRecord)
    case risk(RiskEventRecord)
    case equity(EquitySnapshotRecord)

    /// Writes the entry.
    func write(to store: any TradingStore) async throws {
        switch self {
        case .run(let run): try await store.recordRun(run)
        case .risk(let event): try await store.recordRiskEvent(event)
        case .equity(let snapshot): try await store.recordEquity(snapshot)
        }
    }
}
