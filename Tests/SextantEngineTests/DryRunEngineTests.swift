import Foundation
import SextantBacktest
import SextantCore
import SextantEngine
import SextantGraph
import SextantLanguage
import Testing

/// The dry-run engine — scheduler, risk gate, paper book, events — makes the backtest's trades.
@Suite struct DryRunEngineTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goog: BarSeries = {
        (try? CSVBarReader.read(path: root.appendingPathComponent("examples/data/GOOG.csv").path)) ?? BarSeries()
    }()

    static let strategies: [String] = {
        let folder = root.appendingPathComponent("Strategies")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && !$0.contains("pairs") }.sorted().map { "Strategies/\($0)" }
    }()

    static func strategy(_ path: String) throws -> CheckedStrategy {
        let result = Linter.lint(path: root.appendingPathComponent(path).path)
        guard case .strategy(let strategy) = result.checked else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return strategy
    }

    static func risk(_ text: String) throws -> RiskPolicy {
        let result = Linter.lint(SourceFile(path: "risk.yaml", text: text))
        guard case .risk(let risk) = result.checked else { throw CocoaError(.fileReadCorruptFile) }
        return RiskPolicy(risk)
    }

    static func engine(_ path: String, risk: RiskPolicy? = nil, events: any EventSink = MemoryEventSink()) throws
        -> (DryRunEngine, BacktestSettings, CheckedStrategy)
    {
        let strategy = try strategy(path)
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.commission = Commission(rate: 0.002)
        let host = StrategyHost(strategy, symbol: "GOOG", version: "test", settings: settings)
        return (DryRunEngine(hosts: [host], gate: RiskGate(policy: risk), events: events), settings, strategy)
    }

    /// Every bundled single-symbol strategy: the dry-run's trades are the backtest's, and every trade's
    /// entry and exit is a `fill` event.
    @Test(arguments: strategies)
    func dryRunMatchesBacktest(_ path: String) async throws {
        let events = MemoryEventSink()
        let (engine, settings, strategy) = try Self.engine(path, events: events)
        try await engine.run(Self.goog)
        let backtest = Backtester.run(strategy, data: MarketData(Self.goog), settings: settings)
        let book = try #require(engine.hosts.first?.session.book)
        #expect(book.closedTrades == backtest.trades)
        #expect(book.openTrades(markedAt: Self.goog.close.last ?? .nan) == backtest.openTrades)
        let fills = events.events.filter { $0.kind == .fill }
        #expect(fills.count == 2 * backtest.trades.count + backtest.openTrades.count)
        #expect(events.events.count { $0.kind == .bar } == Self.goog.count)
        let ids = events.events.filter { $0.kind == .order }.compactMap { event -> String? in
            if case .string(let id) = event["client_order_id"] { return id }
            return nil
        }
        #expect(Set(ids).count == ids.count, "client order ids repeat")
    }

    /// `max_order_notional: 1000` refuses the SMA cross's all-in entries (each worth ~10,000); exits
    /// are never refused, so nothing opens at all.
    @Test func orderNotionalLimitRefusesEntries() async throws {
        let events = MemoryEventSink()
        let policy = try Self.risk("kind: risk\nname: tight\nlimits:\n  max_order_notional: 1000\n")
        let (engine, _, _) = try Self.engine("Strategies/sma_cross.yaml", risk: policy, events: events)
        try await engine.run(Self.goog)
        let book = try #require(engine.hosts.first?.session.book)
        #expect(book.closedTrades.isEmpty)
        #expect(book.openTrades(markedAt: 1).isEmpty)
        let refusals = events.events.filter { $0.kind == .risk && $0["decision"] == .string("refused") }
        #expect(!refusals.isEmpty)
        #expect(refusals.allSatisfy { $0["rule"] == .string("limits.max_order_notional") })
        #expect(events.events.count { $0.kind == .order } == 0)
    }

    /// A `flatten` breaker on a 5% drawdown closes the position and halts entries: afterwards nothing
    /// is open and no entry is approved.
    @Test func flattenBreakerClosesAndHalts() async throws {
        let events = MemoryEventSink()
        let policy = try Self.risk(
            "kind: risk\nname: stop\ncircuit_breakers:\n  - when: drawdown > 5%\n    action: flatten\n")
        let (engine, _, _) = try Self.engine("Strategies/sma_cross.yaml", risk: policy, events: events)
        try await engine.run(Self.goog)
        let book = try #require(engine.hosts.first?.session.book)
        #expect(book.openTrades(markedAt: 1).isEmpty)
        #expect(book.closedTrades.last?.exitReason == .risk)
        let halt = try #require(events.events.firstIndex { $0.kind == .risk && $0["decision"] == .string("halt") })
        #expect(!events.events[(halt + 1)...].contains { $0.kind == .order && $0["rule"] == .string("entry.long") })
        #expect(engine.gate.entriesHalted == "circuit_breakers[0].when")
    }

    /// The kill switch stops every order, exits included.
    @Test func killSwitchStopsEverything() async throws {
        let (engine, _, _) = try Self.engine("Strategies/sma_cross.yaml")
        engine.gate.kill("kill switch")
        try await engine.run(Self.goog)
        let book = try #require(engine.hosts.first?.session.book)
        #expect(book.closedTrades.isEmpty && book.openTrades(markedAt: 1).isEmpty)
    }

    /// `--pace` spaces bars through the injected clock: one wait per bar, none with pace 0.
    @Test func paceWaitsBetweenBars() async throws {
        let strategy = try Self.strategy("Strategies/sma_cross.yaml")
        let host = StrategyHost(strategy, symbol: "GOOG", version: "v", settings: BacktestSettings())
        let clock = ManualClock()
        let engine = DryRunEngine(
            hosts: [host], gate: RiskGate(policy: nil), events: MemoryEventSink(), clock: clock, pace: 0.05)
        try await engine.run(BarSeries(Array(Self.goog.prefix(10))))
        #expect(clock.sleeps == [Double](repeating: 0.05, count: 10))
    }

    /// Bars close on wall-clock boundaries of their timeframe.
    @Test(
        arguments: [
            ("1m", 125.5, 120, 180), ("4h", 18_000, 14_400, 28_800), ("1d", 86_401, 86_400, 172_800),
        ] as [(String, Double, Int64, Int64)])
    func barSchedule(_ frame: String, _ now: Double, _ open: Int64, _ close: Int64) throws {
        let schedule = BarSchedule(try #require(Timeframe(frame)))
        #expect(schedule.barOpen(containing: now) == open)
        #expect(schedule.nextClose(after: now) == close)
    }

    /// Many hosts (every bundled strategy on ten symbols: enough to spread over the cores) trade as
    /// their backtests do, and two runs give the same events in the same order.
    @Test func manyHostsOnManySymbols() async throws {
        let symbols = (0..<10).map { "SYM\($0)" }
        func run() async throws -> (DryRunEngine, [EngineEvent]) {
            var hosts: [StrategyHost] = []
            for path in Self.strategies {
                let strategy = try Self.strategy(path)
                var settings = BacktestSettings(orders: strategy.document.orders)
                settings.commission = Commission(rate: 0.002)
                for symbol in symbols {
                    hosts.append(StrategyHost(strategy, symbol: symbol, version: path, settings: settings))
                }
            }
            #expect(hosts.count >= 64)
            let events = MemoryEventSink()
            let engine = DryRunEngine(hosts: hosts, gate: RiskGate(policy: nil), events: events)
            for bar in Self.goog {
                await engine.step(Dictionary(uniqueKeysWithValues: symbols.map { ($0, bar) }), time: bar.time)
            }
            return (engine, events.events)
        }
        let (engine, events) = try await run()
        for path in Self.strategies {
            let strategy = try Self.strategy(path)
            var settings = BacktestSettings(orders: strategy.document.orders)
            settings.commission = Commission(rate: 0.002)
            let backtest = Backtester.run(strategy, data: MarketData(Self.goog), settings: settings)
            for host in engine.hosts where host.version == path {
                #expect(host.session.book.closedTrades == backtest.trades, "\(path) on \(host.symbol)")
            }
        }
        let (_, again) = try await run()
        #expect(again == events)
    }
}
