import Foundation
import SextantBacktest
import SextantCore
import SextantEngine
import SextantGraph
import SextantLanguage
import SextantStore
import Synchronization
import Testing

/// `sextant run`'s engine: an engine file brought up, run over its feed, with hot reload.
@Suite struct EngineRunTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A folder with an engine file, one strategy (a copy of sma_cross) and the GOOG bars.
    struct Sandbox {
        let folder: URL
        var engine: String { folder.appendingPathComponent("engine.yaml").path }
        var strategy: String { folder.appendingPathComponent("Strategies/sma.yaml").standardizedFileURL.path }
        var risk: String { folder.appendingPathComponent("risk.yaml").standardizedFileURL.path }

        /// `riskLimit`: a risk file whose only limit is this `max_order_notional`.
        init(watch: Bool = false, riskLimit: Double? = nil) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("Strategies"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: EngineRunTests.root.appendingPathComponent("Strategies/sma_cross.yaml"),
                to: URL(fileURLWithPath: strategy))
            try FileManager.default.copyItem(
                at: EngineRunTests.root.appendingPathComponent("examples/data/GOOG.csv"),
                to: folder.appendingPathComponent("GOOG.csv"))
            try """
            kind: engine
            name: test
            strategies: [Strategies/*.yaml]
            venue: {adapter: paper, cash: 10000, commission: 0.2%}
            data: {feed: csv, path: GOOG.csv}
            store: sqlite:\(folder.appendingPathComponent("var/sextant.sqlite").path)
            watch: \(watch)\(riskLimit == nil ? "" : "\nrisk: risk.yaml")
            """.write(toFile: engine, atomically: true, encoding: .utf8)
            if let riskLimit {
                try Self.riskFile(limit: riskLimit).write(toFile: risk, atomically: true, encoding: .utf8)
            }
        }

        static func riskFile(limit: Double) -> String {
            "kind: risk\nname: test\nlimits:\n  max_order_notional: \(Int(limit))\n"
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Calls `action` when the `bar`-th bar event goes by: a change in the middle of a run.
    final class Trigger: EventSink, @unchecked Sendable {
        let bar: Int
        let action: @Sendable () -> Void
        let seen = Mutex(0)
        let memory = MemoryEventSink()

        init(bar: Int, action: @escaping @Sendable () -> Void) {
            self.bar = bar
            self.action = action
        }

        func emit(_ event: EngineEvent) {
            memory.emit(event)
            guard event.kind == .bar else { return }
            let count = seen.withLock { count in
                count += 1
                return count
            }
            if count == bar { action() }
        }
    }

    static func backtestTrades(fast: Double = 10) throws -> [TradeRecord] {
        let result = Linter.lint(path: root.appendingPathComponent("Strategies/sma_cross.yaml").path)
        guard case .strategy(let strategy) = result.checked else { throw CocoaError(.fileReadCorruptFile) }
        var settings = BacktestSettings()
        settings.commission = Commission(rate: 0.002)
        let bars = try CSVBarReader.read(path: root.appendingPathComponent("examples/data/GOOG.csv").path)
        return Backtester.run(strategy, data: MarketData(bars), params: ["fast": fast], settings: settings).trades
    }

    /// The engine file's strategies on its feed make the backtest's trades.
    @Test func runsTheEngineFile() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let run = try EngineRun(path: sandbox.engine, events: MemoryEventSink())
        try await run.run()
        let host = try #require(run.hosts.first)
        #expect(host.session.book.closedTrades == (try Self.backtestTrades()))
    }

    /// A run keeps its own records in the store: the run (with the engine file's hash), the account's
    /// equity and cash at every bar, and every `risk` event it emitted (here a 1,000 order limit refuses
    /// every entry of the SMA cross).
    @Test(arguments: [nil, 1000.0])
    func aRunKeepsItsRecords(riskLimit: Double?) async throws {
        let sandbox = try Sandbox(riskLimit: riskLimit)
        defer { sandbox.remove() }
        let events = MemoryEventSink()
        let run = try EngineRun(path: sandbox.engine, events: events)
        try await run.run()
        let store = try #require(run.store)
        let record = try #require(run.engine.run)
        #expect(try await store.run(id: record.id) == record)
        let engineBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sandbox.engine)))
        #expect(record.engineConfigHash == StrategyVersion.of(engineBytes))

        let bars = try CSVBarReader.read(path: sandbox.folder.appendingPathComponent("GOOG.csv").path)
        let snapshots = try await store.equitySnapshots(runID: record.id)
        #expect(snapshots.count == bars.count)
        #expect(snapshots.map(\.time.rawValue) == bars.time.map { $0 * 1000 })
        let book = try #require(run.hosts.first?.session.book)
        let last = try #require(snapshots.last)
        #expect(last.cash == book.cash)
        #expect(last.equity == (book.position == 0 ? book.cash : book.equity(at: bars.close[bars.count - 1])))

        let emitted = events.events.filter { $0.kind == .risk }
        let stored = try await store.riskEvents(since: EpochMilliseconds(0))
        #expect(stored.count == emitted.count)
        #expect(stored.map(\.rule) == emitted.map { if case .string(let rule) = $0["rule"] { rule } else { "" } })
        #expect(
            stored.map(\.decision.rawValue) == emitted.map { if case .string(let d) = $0["decision"] { d } else { "" } }
        )
        if riskLimit != nil {
            #expect(stored.count > 10)
            #expect(book.closedTrades.isEmpty)
            #expect(Set(snapshots.map(\.equity)) == [10_000])
        } else {
            #expect(Set(snapshots.map(\.equity)).count > 100)
        }
    }

    /// An invalid edit is reported with its diagnostics and the running version keeps trading: the
    /// trades are those of an uninterrupted run.
    @Test func invalidEditKeepsTheRunningVersion() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let box = Mutex<EngineRun?>(nil)
        let path = sandbox.strategy
        let trigger = Trigger(bar: 1000) {
            try? "kind: strategy\nname: sma_cross\nentry:\n  long: crosses_above(sma(close, 10), \n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            box.withLock { $0?.handle(.changed(path)) }
        }
        let run = try EngineRun(path: sandbox.engine, events: trigger)
        box.withLock { $0 = run }
        try await run.run()
        let reload = try #require(trigger.memory.events.first { $0.kind == .reload })
        #expect(reload["status"] == .string("rejected"))
        guard case .json(let diagnostics) = reload["diagnostics"] else {
            Issue.record("no diagnostics")
            return
        }
        #expect(diagnostics.contains("\"id\":\"E02"))
        #expect(run.hosts.first?.session.book.closedTrades == (try Self.backtestTrades()))
    }

    /// A valid edit (fast 10 → 5) swaps in at the next bar boundary: the new version takes over the
    /// book (no trade lost or doubled), its graph is warmed up on the history, and its trades from
    /// then on are those of the new params.
    @Test func validEditSwapsAtTheNextBar() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let box = Mutex<EngineRun?>(nil)
        let path = sandbox.strategy
        let trigger = Trigger(bar: 1000) {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            try? text.replacingOccurrences(of: "fast: {value: 10", with: "fast: {value: 5")
                .write(toFile: path, atomically: true, encoding: .utf8)
            box.withLock { $0?.handle(.changed(path)) }
        }
        let run = try EngineRun(path: sandbox.engine, events: trigger)
        box.withLock { $0 = run }
        try await run.run()
        let reload = try #require(trigger.memory.events.first { $0.kind == .reload })
        #expect(reload["status"] == .string("ok"))
        let host = try #require(run.hosts.first)
        let trades = host.session.book.closedTrades
        let before = try Self.backtestTrades(fast: 10).filter { ($0.exitBar ?? 0) < 1000 }
        #expect(Array(trades.prefix(before.count)) == before)
        let after = try Self.backtestTrades(fast: 5).filter { $0.entryBar > 1002 }
        #expect(trades.suffix(after.count).map(\.entryBar) == after.map(\.entryBar))
        #expect(Set(host.session.book.closedTrades.map(\.entryBar)).count == trades.count)
    }

    /// A deleted file retires its strategy: no entry after the deletion, exits still run.
    @Test func deletedFileRetires() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let box = Mutex<EngineRun?>(nil)
        let path = sandbox.strategy
        let trigger = Trigger(bar: 1000) {
            try? FileManager.default.removeItem(atPath: path)
            box.withLock { $0?.handle(.deleted(path)) }
        }
        let run = try EngineRun(path: sandbox.engine, events: trigger)
        box.withLock { $0 = run }
        try await run.run()
        let host = try #require(run.hosts.first)
        #expect(host.retired)
        #expect(host.session.book.closedTrades.allSatisfy { $0.entryBar <= 1001 })
    }

    /// The kill switch's flag file, written at bar 1,000: no order after it; with `flatten` the open
    /// position is closed first (at the next open), then nothing.
    @Test(arguments: [KillSwitch.Mode.halt, .flatten])
    func killSwitchFlag(_ mode: KillSwitch.Mode) async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let flag = sandbox.folder.appendingPathComponent("var/sextant.kill").path
        let trigger = Trigger(bar: 1000) { try? KillSwitch.engage(flagPath: flag, mode: mode) }
        let run = try EngineRun(path: sandbox.engine, events: trigger, killSwitch: KillSwitch(flagPath: flag))
        try await run.run()
        let events = trigger.memory.events
        let kill = try #require(events.firstIndex { $0["rule"] == .string("kill_switch") })
        // After the kill, only a flatten's closing order may pass.
        let orders = events[(kill + 1)...].filter { $0.kind == .order }
        #expect(orders.allSatisfy { $0["rule"] == .string("risk.flatten") })
        #expect(orders.count == (mode == .flatten ? 1 : 0))
        let book = try #require(run.hosts.first?.session.book)
        let before = try Self.backtestTrades().filter { ($0.exitBar ?? 0) <= 1000 }
        #expect(Array(book.closedTrades.prefix(before.count)) == before)
        switch mode {
        case .halt:
            #expect(book.closedTrades.count == before.count)
            #expect(book.position != 0)
        case .flatten:
            #expect(book.closedTrades.count == before.count + 1)
            #expect(book.closedTrades.last?.exitReason == .risk)
            #expect(book.position == 0)
        }
    }

    /// A risk file edit applies at the next bar: the SMA cross's all-in entries (~10,000 each) pass a
    /// 1,000,000 limit until bar 1,000, then a 1,000 limit refuses every entry. An invalid edit before
    /// it is reported and changes nothing.
    @Test func riskFileEditsApplyAtTheNextBar() async throws {
        let sandbox = try Sandbox(riskLimit: 1_000_000)
        defer { sandbox.remove() }
        let box = Mutex<EngineRun?>(nil)
        let path = sandbox.risk
        let broken = Trigger(bar: 500) {
            try? "kind: risk\nname: test\nlimits:\n  max_order_notional: [\n".write(
                toFile: path, atomically: true, encoding: .utf8)
            box.withLock { $0?.handle(.changed(path)) }
        }
        let trigger = Trigger(bar: 1000) {
            try? Sandbox.riskFile(limit: 1000).write(toFile: path, atomically: true, encoding: .utf8)
            box.withLock { $0?.handle(.changed(path)) }
        }
        let run = try EngineRun(path: sandbox.engine, events: FanOutEventSink([broken, trigger]))
        box.withLock { $0 = run }
        try await run.run()
        let reloads = trigger.memory.events.filter { $0.kind == .reload }
        #expect(reloads.map { $0["status"] } == [.string("rejected"), .string("ok")])
        let host = try #require(run.hosts.first)
        let before = try Self.backtestTrades().filter { $0.entryBar <= 1001 }
        // Up to the swap the trades are an unlimited run's; after it, no entry is taken.
        #expect(host.session.book.closedTrades.filter { $0.entryBar <= 1001 } == before)
        #expect(host.session.book.closedTrades.allSatisfy { $0.entryBar <= 1001 })
        let refusals = trigger.memory.events.filter { $0["rule"] == .string("limits.max_order_notional") }
        #expect(!refusals.isEmpty)
        #expect(refusals.allSatisfy { $0.time > (DryRunEngineTests.goog.time.dropFirst(999).first ?? 0) })
    }

    /// SIGHUP reloads every file without a watcher: an edit saved while nothing watches takes effect
    /// at the next bar after the signal.
    @Test func hangupReloadsEveryFile() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let box = Mutex<EngineRun?>(nil)
        let path = sandbox.strategy
        let trigger = Trigger(bar: 1000) {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            try? text.replacingOccurrences(of: "fast: {value: 10", with: "fast: {value: 5")
                .write(toFile: path, atomically: true, encoding: .utf8)
            kill(getpid(), SIGHUP)
            // The signal's handler runs on another thread; the bar loop waits for its decision.
            for _ in 0..<500 where !box.withLock({ $0?.hasPendingReloads ?? true }) { usleep(2000) }
        }
        let run = try EngineRun(path: sandbox.engine, events: trigger)
        box.withLock { $0 = run }
        run.listenForReloadSignal()
        try await run.run()
        let reload = try #require(trigger.memory.events.first { $0.kind == .reload })
        #expect(reload["status"] == .string("ok"))
        let after = try Self.backtestTrades(fast: 5).filter { $0.entryBar > 1002 }
        let trades = try #require(run.hosts.first).session.book.closedTrades
        #expect(trades.suffix(after.count).map(\.entryBar) == after.map(\.entryBar))
    }

    /// A csv feed of several files (`path: data/*.csv`) trades every strategy on every symbol: one
    /// host per strategy and file, each making its own backtest's trades, though the two files cover
    /// different dates (the second starts at GOOG's bar 1,000).
    @Test func aFeedOfSeveralSymbols() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let data = sandbox.folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let lines = try String(contentsOf: sandbox.folder.appendingPathComponent("GOOG.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        try (lines.joined(separator: "\n") + "\n").write(
            to: data.appendingPathComponent("AAA.csv"), atomically: true, encoding: .utf8)
        try ([lines[0]] + lines.dropFirst(1001)).joined(separator: "\n").appending("\n")
            .write(to: data.appendingPathComponent("BBB.csv"), atomically: true, encoding: .utf8)
        var text = try String(contentsOfFile: sandbox.engine, encoding: .utf8)
        text = text.replacingOccurrences(of: "path: GOOG.csv}", with: "path: data/*.csv}")
        try text.write(toFile: sandbox.engine, atomically: true, encoding: .utf8)

        let run = try EngineRun(path: sandbox.engine, events: MemoryEventSink())
        try await run.run()
        #expect(run.hosts.map(\.symbol).sorted() == ["AAA", "BBB"])
        let result = Linter.lint(path: Self.root.appendingPathComponent("Strategies/sma_cross.yaml").path)
        guard case .strategy(let strategy) = result.checked else { throw CocoaError(.fileReadCorruptFile) }
        var settings = BacktestSettings()
        settings.commission = Commission(rate: 0.002)
        for host in run.hosts {
            let bars = try CSVBarReader.read(path: data.appendingPathComponent("\(host.symbol).csv").path)
            let backtest = Backtester.run(strategy, data: MarketData(bars), settings: settings)
            #expect(host.session.book.closedTrades == backtest.trades, "\(host.symbol)")
            #expect(!backtest.trades.isEmpty)
        }
    }

    /// A paced run loads the strategies' warm-up history at once, then waits `pace` before each bar
    /// that can trade: the first paced bar is the first bar any strategy decides on.
    @Test func warmupHistoryGoesThroughBeforeTheFirstPacedBar() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var text = try String(contentsOfFile: sandbox.engine, encoding: .utf8)
        text = text.replacingOccurrences(of: "path: GOOG.csv}", with: "path: GOOG.csv, pace: 0.5}")
        try text.write(toFile: sandbox.engine, atomically: true, encoding: .utf8)
        let clock = ManualClock()
        let run = try EngineRun(path: sandbox.engine, events: MemoryEventSink(), clock: clock)
        let warmup = try #require(run.hosts.first).session.firstDecisionBar
        #expect(warmup > 1)
        try await run.run()
        #expect(clock.sleeps.count == DryRunEngineTests.goog.count - warmup)
        #expect(Set(clock.sleeps) == [0.5])
        #expect(try #require(run.hosts.first).session.book.closedTrades == (try Self.backtestTrades()))
    }

    /// A bad store, bus or feed in the engine file stops `sextant run` before it starts, with a message
    /// naming the key — and a password written into a URL is never repeated.
    @Test(
        arguments: [
            ("store: postgres://trader:s3cret@127.0.0.1:5432/db", "password"),
            ("store: sqlite:", "needs a path"),
            ("bus: redis://127.0.0.1:99999", "bus"),
            ("bus: redis://:s3cret@127.0.0.1:6379/0/extra", "bus"),
        ] as [(String, String)])
    func badServicesAreRefused(_ line: String, _ expected: String) async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var text = try String(contentsOfFile: sandbox.engine, encoding: .utf8)
        text = text.split(separator: "\n").filter { !$0.hasPrefix("store:") }.joined(separator: "\n")
        text += "\n\(line)\n"
        try text.write(toFile: sandbox.engine, atomically: true, encoding: .utf8)
        do {
            _ = try await EngineRun.open(path: sandbox.engine, events: MemoryEventSink())
            Issue.record("\(line) was accepted")
        } catch .unsupported(let message) {
            #expect(message.localizedCaseInsensitiveContains(expected), "\(message)")
            #expect(!message.contains("s3cret"))
        } catch .diagnostics(let diagnostics) {
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.allSatisfy { !$0.message.contains("s3cret") })
        }
    }

    /// A feed glob that matches no file is refused with the pattern it could not match.
    @Test func aFeedGlobMatchingNothingIsRefused() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var text = try String(contentsOfFile: sandbox.engine, encoding: .utf8)
        text = text.replacingOccurrences(of: "path: GOOG.csv}", with: "path: nothing/*.csv}")
        try text.write(toFile: sandbox.engine, atomically: true, encoding: .utf8)
        #expect {
            try EngineRun(path: sandbox.engine, events: MemoryEventSink())
        } throws: { error in
            guard case .unsupported(let message) = error as? EngineSetupError else { return false }
            return message.contains("nothing/*.csv")
        }
    }
}
