import Foundation
import SextantBacktest
import SextantCore
import SextantEngine
import SextantGraph
import SextantStore
import Testing

/// The router writes each intent before sending, never sends an order twice (retry, replay, restart),
/// and stores every fill with its order state and position.
@Suite struct OrderRouterTests {
    static func temporaryStore() throws -> (SQLiteStore, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sextant-router-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path, durability: .normal)
        return (store, folder)
    }

    static let version = String(repeating: "ab", count: 32)

    static func order(bar: Int64 = 1_700_000_000, leg: Int = 0) -> Order {
        Order(
            strategy: "s", strategyVersion: version, symbol: "GOOG", barTime: bar, rule: .entryLong, leg: leg,
            side: .buy, quantity: 10)
    }

    static func recordVersion(_ store: SQLiteStore) async throws {
        try await store.recordStrategyVersion(
            StrategyVersionRecord(
                contentHash: version, name: "s", path: "s.yaml", source: "kind: strategy", seenAt: EpochMilliseconds(0))
        )
    }

    /// A dry run with the embedded store: every approved order is placed once and stored, every
    /// execution of the paper venue (stops included) is a stored fill, and the stored position is the
    /// book's.
    @Test(arguments: DryRunEngineTests.strategies)
    func storeHoldsEveryOrderAndFill(_ path: String) async throws {
        let (store, folder) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = MemoryEventSink()
        let strategy = try DryRunEngineTests.strategy(path)
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.commission = Commission(rate: 0.002)
        let host = StrategyHost(strategy, symbol: "GOOG", version: Self.version, settings: settings)
        // The store drops out twice for intents and three times for fills: nothing may be lost.
        let flaky = FlakyStore(store, failures: 2, fillFailures: 3)
        let engine = DryRunEngine(
            hosts: [host], gate: RiskGate(policy: nil), events: events, clock: ManualClock(), store: flaky)
        try await engine.run(DryRunEngineTests.goog)
        #expect(flaky.refused == 5)

        let backtest = Backtester.run(strategy, data: MarketData(DryRunEngineTests.goog), settings: settings)
        #expect(host.session.book.closedTrades == backtest.trades)
        #expect(events.events.filter { $0.kind == .error }.isEmpty, "\(events.events.filter { $0.kind == .error })")
        #expect(events.events.filter { $0["rule"] == .string("store") }.count == 4)  // two halts, two resumes

        let routed = events.events.filter { $0.kind == .order }
        #expect(engine.router.placements == routed.count)
        var fills = 0
        for id in engine.router.orders.keys {
            let stored = try #require(try await store.order(clientOrderID: id.rawValue))
            #expect(stored.state != .new, "order \(id) never acknowledged")
            fills += try await store.fills(for: id.rawValue).count
        }
        #expect(fills == 2 * backtest.trades.count + backtest.openTrades.count)
        let position = try await store.positions().first { $0.strategy == host.name && $0.symbol == "GOOG" }
        #expect((position?.quantity ?? 0) == host.session.book.position)
    }

    /// A paper engine stopped part-way (at a third, a half, two thirds: with orders approved and not
    /// yet filled, stops resting) and restarted on the same store replays the feed: the paper venue is
    /// rebuilt from the orders the store holds, and the trades, the stored orders with their states and
    /// the stored fills are those of an uninterrupted run.
    @Test(arguments: DryRunEngineTests.strategies)
    func aRestartedPaperRunMakesTheSameTrades(_ path: String) async throws {
        let strategy = try DryRunEngineTests.strategy(path)
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.commission = Commission(rate: 0.002)
        let bars = DryRunEngineTests.goog
        func engine(_ store: SQLiteStore) -> (DryRunEngine, StrategyHost) {
            let host = StrategyHost(strategy, symbol: "GOOG", version: Self.version, settings: settings)
            return (
                DryRunEngine(hosts: [host], gate: RiskGate(policy: nil), events: MemoryEventSink(), store: store), host
            )
        }
        func contents(_ store: SQLiteStore, _ engine: DryRunEngine) async throws -> [String] {
            var lines: [String] = []
            for id in engine.router.orders.keys {
                let order = try #require(try await store.order(clientOrderID: id.rawValue))
                lines.append("\(id) \(order.state.rawValue)")
                for fill in try await store.fills(for: id.rawValue) {
                    lines.append("\(fill.fillID) \(fill.quantity) \(fill.price)")
                }
            }
            for position in try await store.positions() {
                lines.append(
                    "position \(position.strategy) \(position.symbol) \(position.quantity) \(position.averagePrice)")
            }
            return lines.sorted()
        }
        let (reference, referenceFolder) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: referenceFolder) }
        let (uninterrupted, _) = engine(reference)
        try await uninterrupted.run(bars)
        let expected = try await contents(reference, uninterrupted)
        let backtest = Backtester.run(strategy, data: MarketData(bars), settings: settings)

        for cut in [bars.count / 3, bars.count / 2, 2 * bars.count / 3] {
            let (store, folder) = try Self.temporaryStore()
            defer { try? FileManager.default.removeItem(at: folder) }
            let (first, _) = engine(store)
            for bar in bars.prefix(cut) { await first.step(bar) }
            await first.router.finishWrites()
            let (second, host) = engine(store)
            try await second.router.resume(time: 0)
            try await second.run(bars)
            #expect(host.session.book.closedTrades == backtest.trades, "cut at \(cut)")
            #expect(try await contents(store, second) == expected, "cut at \(cut)")
        }
    }

    /// A bar's orders are routed as one batch: every intent is stored (concurrently, one group
    /// commit), then each order is placed once, in the batch's order; a repeated order in the batch
    /// or a later batch is not placed again.
    @Test func aBatchIsStoredThenPlacedInOrder() async throws {
        let (store, folder) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.recordVersion(store)
        let venue = CountingVenue()
        let router = OrderRouter(adapter: venue, store: store, events: MemoryEventSink(), sizesAtFill: false)
        let batch = (0..<200).map { Self.order(leg: $0) }
        #expect(await router.route(batch + [Self.order(leg: 7)], time: 0) == 200)
        #expect(venue.placed == batch.map(\.clientOrderID))
        #expect(await router.route(Array(batch.prefix(10)), time: 0) == 0)
        for order in batch {
            #expect(try await store.order(clientOrderID: order.clientOrderID.rawValue) != nil)
        }
    }

    /// A store that goes away holds every order: nothing is sent until the intent is written; the
    /// router retries with a doubling backoff, says so with `risk` events (`rule: store`), and sends
    /// each order once when the store returns. A fill the store could not take is retried too.
    @Test func aStoreOutageHoldsOrdersUntilItReturns() async throws {
        let (base, folder) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.recordVersion(base)
        let store = FlakyStore(base, failures: 5)
        let venue = CountingVenue()
        let clock = ManualClock()
        let events = MemoryEventSink()
        let router = OrderRouter(
            adapter: venue, store: store, events: events, sizesAtFill: false, clock: clock, backoff: (0.1, 0.5))
        #expect(await router.route([Self.order(leg: 0), Self.order(leg: 1)], time: 0) == 2)
        #expect(venue.placed == [Self.order(leg: 0).clientOrderID, Self.order(leg: 1).clientOrderID])
        #expect(store.refused == 5)
        // The two intents are one write; it fails five times, and the retries wait 0.1, 0.2, 0.4 s and
        // then the longest wait, 0.5 s.
        #expect(clock.sleeps == [0.1, 0.2, 0.4, 0.5, 0.5])
        let decisions = events.events.filter { $0["rule"] == .string("store") }.map { $0["decision"] }
        #expect(decisions == [.string("halt"), .string("resume")])
        #expect(router.storeAway == false)
        for leg in 0..<2 {
            #expect(try await base.order(clientOrderID: Self.order(leg: leg).clientOrderID.rawValue) != nil)
        }
    }

    /// An intent stored but never acknowledged (the process died around the send) is reconciled on
    /// restart: adopted if the venue has it, sent exactly once if it does not.
    @Test(arguments: [true, false])
    func aRestartReconcilesUnsentIntents(venueHasIt: Bool) async throws {
        let (store, folder) = try Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.recordVersion(store)
        let dead = CountingVenue()
        dead.unreachable = true
        let events = MemoryEventSink()
        let first = OrderRouter(adapter: dead, store: store, events: events, sizesAtFill: false)
        await first.route(Self.order(), time: 0)
        #expect(dead.placed.isEmpty)
        #expect(events.events.contains { $0.kind == .error })
        #expect(try await store.unsentIntents().map(\.clientOrderID) == [Self.order().clientOrderID.rawValue])

        let venue = CountingVenue()
        if venueHasIt { venue.adopt(Self.order()) }
        let second = OrderRouter(adapter: venue, store: store, events: MemoryEventSink(), sizesAtFill: false)
        #expect(try await second.resume(time: 1) == (venueHasIt ? 0 : 1))
        #expect(venue.placed == (venueHasIt ? [] : [Self.order().clientOrderID]))
        #expect(try await store.unsentIntents().isEmpty)

        let third = OrderRouter(adapter: venue, store: store, events: MemoryEventSink(), sizesAtFill: false)
        #expect(try await third.resume(time: 2) == 0)
        #expect(venue.placed.count == (venueHasIt ? 0 : 1))
    }

    /// Hand-computed position arithmetic: additions average, reductions keep the price, a fill through
    /// zero restarts it.
    @Test(
        arguments: [
            (0.0, 0.0, 10.0, 100.0, 10.0, 100.0),
            (10, 100, 10, 110, 20, 105),
            (10, 100, -4, 120, 6, 100),
            (10, 100, -10, 120, 0, 0),
            (10, 100, -15, 120, -5, 120),
            (-5, 50, -5, 40, -10, 45),
        ] as [(Double, Double, Double, Double, Double, Double)])
    func positionArithmetic(
        quantity: Double, price: Double, units: Double, at fill: Double, expected: Double, average: Double
    ) {
        let after = OrderRouter.apply(units, at: fill, to: (quantity, price))
        #expect(after.quantity == expected)
        #expect(after.price == average)
    }
}
