public import SextantStore

/// What a run leaves in the store besides its orders and fills: the run itself (`runs`), every `risk`
/// event (`risk_events`: the gate's refusals and halts, the kill switch, the store's own outages) and
/// the account's equity and cash at each bar (`equity_snapshots`).
///
/// The records of a bar are written after the bar, while the engine waits for the next one (as the
/// acknowledgements are): nothing that decides or sends an order waits on them. A write that fails
/// transiently keeps its record and everything after it for the next bar, in order, so nothing is lost
/// while the run lasts; one refused for good is dropped with an `error` event. `finish()` waits for
/// the last writes when the run ends.
final class RunJournal {
    let run: RunRecord
    let store: any TradingStore
    /// The sink the engine emits through: it keeps the risk events on their way.
    let tap: RiskEventTap
    /// The writes of the last bar: they return the entries still to write and the errors to report.
    private var inFlight: Task<(left: [JournalEntry], errors: [String]), Never>?
    private var runRecorded = false

    init(run: RunRecord, store: any TradingStore, events: any EventSink) {
        self.run = run
        self.store = store
        tap = RiskEventTap(forwardingTo: events)
    }

    /// Starts writing the bar's records (the run's own first, once), after what the previous bar left.
    func barDone(time: Int64, equity: Double, cash: Double) async {
        var entries = await collect(time: time)
        if !runRecorded {
            entries.insert(.run(run), at: 0)
            runRecorded = true
        }
        let snapshot = EquitySnapshotRecord(
            runID: run.id, time: EpochMilliseconds(seconds: time), equity: equity, cash: cash)
        if snapshot.equity.isFinite, snapshot.cash.isFinite { entries.append(.equity(snapshot)) }
        inFlight = Self.start(entries, store: store)
    }

    /// Waits for the last bar's writes and tries once more what they left; returns how many records
    /// could not be stored.
    @discardableResult
    func finish(time: Int64) async -> Int {
        let left = await collect(time: time)
        guard !left.isEmpty else { return 0 }
        let outcome = await Self.write(left, to: store)
        report(outcome.errors, time: time)
        if !outcome.left.isEmpty {
            report(["\(outcome.left.count) run records not stored: the store is unavailable"], time: time)
        }
        return outcome.left.count
    }

    /// What the previous writes left, then the risk events kept since.
    private func collect(time: Int64) async -> [JournalEntry] {
        var entries: [JournalEntry] = []
        if let inFlight {
            let outcome = await inFlight.value
            self.inFlight = nil
            report(outcome.errors, time: time)
            entries = outcome.left
        }
        return entries + tap.take().map { .risk(Self.record($0)) }
    }

    private func report(_ errors: [String], time: Int64) {
        for message in errors {
            tap.forward.emit(EngineEvent(.error, time: time, fields: [("message", .string(message))]))
        }
    }

    /// Starts writing `entries` in a task of its own.
    private static func start(
        _ entries: [JournalEntry], store: any TradingStore
    ) -> Task<(left: [JournalEntry], errors: [String]), Never> {
        Task { await write(entries, to: store) }
    }

    /// Writes `entries` in order until one fails transiently: that one and the rest are left.
    private static func write(
        _ entries: [JournalEntry], to store: any TradingStore
    ) async -> (left: [JournalEntry], errors: [String]) {
        var errors: [String] = []
        for (index, entry) in entries.enumerated() {
            do {
                try await entry.write(to: store)
            } catch let error as StoreError where error.isTransient {
                return (Array(entries[index...]), errors)
            } catch {
                errors.append("run record not stored (\(error))")
            }
        }
        return ([], errors)
    }

    /// A `risk` event as the store keeps it: its rule, decision and reason, the other fields as JSON.
    static func record(_ event: EngineEvent) -> RiskEventRecord {
        func text(_ name: String) -> String? {
            if case .string(let value) = event[name] { return value }
            return nil
        }
        let others = event.fields.filter { !["rule", "decision", "reason"].contains($0.0) }
        let details = others.isEmpty ? nil : EventEncoder.object(others)
        return RiskEventRecord(
            time: EpochMilliseconds(seconds: event.time), strategy: event.strategy, symbol: event.symbol,
            rule: text("rule") ?? "unknown", decision: .init(rawValue: text("decision") ?? "unknown"),
            reason: text("reason") ?? "", details: details)
    }
}
