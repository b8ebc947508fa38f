public import SextantBacktest
public import SextantCore
import SextantLanguage
public import SextantStore

/// The engine's live path over history (`sextant dry-run`): bars from a file go through the scheduler's
/// per-bar sequence — fills at the open, the strategies' stream evaluation at the close, the risk gate,
/// the router, the paper adapter — exactly as live bars would, optionally paced in wall time.
///
/// Each bar, for every strategy host: approved orders fill at the open (or at the close with
/// `fill: close`) and stops run; at the close the gate re-evaluates the risk file on the summed
/// account, each host decides, and each intent is checked by the gate; approved ones go to the paper
/// book. Every step is an event.
public final class DryRunEngine {
    /// The strategies, each on its symbol (a hot reload replaces, adds and removes hosts between bars).
    public var hosts: [StrategyHost]
    /// The risk gate every order passes.
    public let gate: RiskGate
    /// The paper venue: every host's account, filled by the backtest's model.
    public let paper: PaperAdapter
    /// The router between the gate and the venue (and the store).
    public let router: OrderRouter
    let store: (any TradingStore)?
    let events: any EventSink
    let clock: any EngineClock
    /// Seconds of wall time between bars (0: as fast as possible).
    let pace: Double
    /// The session each paper account was last attached with (a hot reload attaches a new one).
    private var attached: [String: ObjectIdentifier] = [:]
    /// Strategy versions already written to the store.
    private var storedVersions: Set<String> = []
    /// The latest close of each symbol, to mark books whose symbol has no bar at a step.
    private var lastClose: [String: Double] = [:]
    /// The run's own records (with a store and a run): the run, its risk events, its equity.
    private let journal: RunJournal?
    /// The time of the last bar stepped.
    private var lastTime: Int64 = 0

    /// An engine over `hosts`; with a `store`, every order's intent is written before it is sent, and
    /// fills, order states and positions are recorded; with a `run` too, the run itself, every `risk`
    /// event and the account's equity at each bar (`RunJournal`).
    public init(
        hosts: [StrategyHost], gate: RiskGate, events: any EventSink, clock: any EngineClock = SystemClock(),
        pace: Double = 0, store: (any TradingStore)? = nil, run: RunRecord? = nil
    ) {
        self.hosts = hosts
        self.gate = gate
        self.clock = clock
        self.pace = pace
        self.store = store
        let journal = store.flatMap { store in run.map { RunJournal(run: $0, store: store, events: events) } }
        self.journal = journal
        self.events = journal?.tap ?? events
        paper = PaperAdapter()
        router = OrderRouter(
            adapter: paper, store: store, events: journal?.tap ?? events, sizesAtFill: true, clock: clock)
    }

    /// The run the engine records its risk events and equity under, if any.
    public var run: RunRecord? { journal?.run }

    /// Waits for the store writes made between bars (acknowledgements, the run's records) and retries
    /// what failed: the engine calls it when a run ends.
    public func finishWrites() async {
        await router.finishWrites()
        await journal?.finish(time: lastTime)
    }

    /// Replays `bars` (one symbol's, shared by every host) through the live path.
    public func run(_ bars: BarSeries) async throws {
        for bar in bars {
            try Task.checkCancellation()
            await step(bar)
            if pace > 0 { try await clock.sleep(seconds: pace) }
        }
        await finishWrites()
    }

    /// One bar of the single symbol every host trades.
    public func step(_ bar: Bar) async {
        await step(Dictionary(uniqueKeysWithValues: Set(hosts.map(\.symbol)).map { ($0, bar) }), time: bar.time)
    }

    /// One bar time across symbols: each host whose symbol has a bar in `bars` opens, decides and routes;
    /// the others wait (their books are marked at their symbol's latest close for the risk gate).
    public func step(_ bars: [String: Bar], time: Int64) async {
        // The bar's events leave together (`EventSink.flush`), whatever path the bar takes.
        defer { events.flush() }
        for (symbol, bar) in bars { lastClose[symbol] = bar.close }
        let active = hosts.filter { bars[$0.symbol] != nil }
        for host in active { await attach(host, time: time) }
        // The open and the close of every host at once (each touches only its own session); then the
        // venue's reports, the gate and the router, in host order.
        let evaluations = HostEvaluation.run(active, bars: bars)
        for (host, evaluation) in zip(active, evaluations) {
            guard let bar = bars[host.symbol] else { continue }
            paper.record(evaluation.opened, bar: bar, account: host.account)
            reportFills(host, bar: bar)
            events.emit(
                EngineEvent(
                    .bar, time: bar.time, strategy: host.name, symbol: host.symbol,
                    fields: [
                        ("open", .number(bar.open)), ("high", .number(bar.high)), ("low", .number(bar.low)),
                        ("close", .number(bar.close)), ("volume", .number(bar.volume)),
                    ]))
        }
        await router.drain(time: time)
        let books = hosts.map(\.session.book)
        let (tripped, flatten) = gate.update(
            time: time, books: books, closes: hosts.map { lastClose[$0.symbol] ?? .nan })
        for path in tripped {
            events.emit(
                EngineEvent(.risk, time: time, fields: [("rule", .string(path)), ("decision", .string("halt"))]))
        }
        var gross = zip(books, hosts).reduce(0.0) { $0 + abs($1.0.position) * (lastClose[$1.1.symbol] ?? 0) }
        var open = books.count { $0.position != 0 }
        var approved: [Order] = []
        for (host, evaluation) in zip(active, evaluations) {
            guard let bar = bars[host.symbol] else { continue }
            var intents = evaluation.intents
            if gate.flattenPending {
                // A flattening kill: the closing orders go straight to the venue; nothing else passes.
                for intent in host.session.flattenIntents() {
                    emitOrder(host, intent, units: 0, bar: bar)
                    approved.append(order(intent, host: host, units: 0))
                }
                continue
            }
            if flatten { intents = host.session.flattenIntents() }
            // A retired strategy (its file was deleted) only winds down: exits and stops, no entries.
            if host.retired { intents.removeAll { $0.action == .open } }
            for intent in intents {
                events.emit(
                    EngineEvent(
                        .signal, time: bar.time, strategy: host.name, symbol: host.symbol,
                        fields: [("rule", .string(intent.rule)), ("action", .string(intent.action.rawValue))]))
                let units = host.session.estimatedUnits(intent, at: bar.close, after: intents)
                let notional = units * bar.close
                let held = abs(host.session.book.position) * bar.close
                let opensNew = intent.action == .open && host.session.book.position == 0
                let decision = gate.check(
                    intent, notional: notional, positionValue: held + notional, grossExposure: gross,
                    openPositions: open, opensNew: opensNew)
                switch decision {
                case .approved where intent.action == .open && !(units > 0):
                    // A venue cannot take an order of no units; the backtest refuses the same entry at
                    // the next open (zero_size) unless that open's price affords a unit.
                    events.emit(
                        EngineEvent(
                            .risk, time: bar.time, strategy: host.name, symbol: host.symbol,
                            fields: [
                                ("rule", .string("sizing")), ("decision", .string("refused")),
                                ("reason", .string("the sizing rule gives no whole unit at this close")),
                                ("order_rule", .string(intent.rule)),
                            ]))
                case .approved:
                    gross += notional
                    if opensNew { open += 1 }
                    emitOrder(host, intent, units: units, bar: bar)
                    approved.append(order(intent, host: host, units: units))
                case .refused(let rule, let reason):
                    events.emit(
                        EngineEvent(
                            .risk, time: bar.time, strategy: host.name, symbol: host.symbol,
                            fields: [
                                ("rule", .string(rule)), ("decision", .string("refused")),
                                ("reason", .string(reason)), ("order_rule", .string(intent.rule)),
                            ]))
                }
            }
        }
        // Every host's approved orders at once: their intents reach the store in one group commit.
        await router.route(approved, time: time)
        // The venue takes every host's orders (filling them at once with `fill: close`), then one drain
        // of its reports stores their acknowledgements and fills together; acknowledgements alone are
        // written while the engine waits for the next bar (`OrderRouter.drain(time:deferringStates:)`).
        for host in active { paper.settle(account: host.account) }
        await router.drain(time: time, deferringStates: true)
        for host in active {
            guard let bar = bars[host.symbol] else { continue }
            reportFills(host, bar: bar)
        }
        settleKill()
        lastTime = time
        if let journal {
            var equity = 0.0
            var cash = 0.0
            for host in hosts {
                let book = host.session.book
                cash += book.cash
                equity += book.position == 0 ? book.cash : book.equity(at: lastClose[host.symbol] ?? .nan)
            }
            await journal.barDone(time: time, equity: equity, cash: cash)
        }
    }

    /// The order of an approved intent: an entry with the units estimated at this close, a close with
    /// the position it closes.
    private func order(_ intent: OrderIntent, host: StrategyHost, units: Double) -> Order {
        let quantity = intent.action == .open ? units : abs(host.session.book.position)
        return Order(
            strategy: host.name, strategyVersion: host.version, symbol: host.symbol, barTime: intent.time,
            rule: OrderRule(rawValue: intent.rule), leg: intent.leg, side: intent.buys ? .buy : .sell,
            quantity: quantity)
    }

    /// Opens the host's paper account, or hands it to a new session after a hot reload, and stores the
    /// host's strategy version before any of its orders.
    private func attach(_ host: StrategyHost, time: Int64) async {
        let session = ObjectIdentifier(host.session)
        guard attached[host.account] != session else { return }
        attached[host.account] = session
        paper.attach(host.session, strategy: host.name, symbol: host.symbol, version: host.version)
        guard let store, !storedVersions.contains(host.version) else { return }
        do {
            try await store.recordStrategyVersion(
                StrategyVersionRecord(
                    contentHash: host.version, name: host.name, path: host.path ?? "",
                    source: String(decoding: host.source, as: UTF8.self), seenAt: EpochMilliseconds(seconds: time)))
            storedVersions.insert(host.version)
        } catch {
            events.emit(
                EngineEvent(
                    .error, time: time, strategy: host.name, symbol: host.symbol,
                    fields: [("message", .string("strategy version \(host.version) not stored (\(error))"))]))
        }
    }

    /// The `order` event of an approved intent (`estimated_units` 0 for a close: it takes the position).
    func emitOrder(_ host: StrategyHost, _ intent: OrderIntent, units: Double, bar: Bar) {
        events.emit(
            EngineEvent(
                .order, time: bar.time, strategy: host.name, symbol: host.symbol,
                fields: [
                    ("client_order_id", .string(Self.orderID(host, intent))),
                    ("side", .string(intent.buys ? "buy" : "sell")),
                    ("rule", .string(intent.rule)), ("estimated_units", .number(units)),
                ]))
    }

    /// Marks a flattening kill done once every host has closed (called after a step).
    func settleKill() {
        if gate.flattenPending { gate.flattened() }
    }

    /// A deterministic id for an order: the strategy version, symbol, bar time, rule and leg.
    static func orderID(_ host: StrategyHost, _ intent: OrderIntent) -> String {
        ClientOrderID(
            strategyVersion: host.version, symbol: host.symbol, barTime: intent.time,
            rule: OrderRule(rawValue: intent.rule), leg: intent.leg
        ).rawValue
    }

    /// Emits a `fill` event for every entry and exit the host's book made since the last report (an
    /// entry stopped out within its own bar gives both).
    func reportFills(_ host: StrategyHost, bar: Bar) {
        // Every fill opens a trade or closes one (a close is appended to the closed trades), so equal
        // counts mean nothing happened since the last report.
        let counts = host.session.book.tradeCounts
        if counts.closed == host.reportedClosed, counts.open == host.reportedOpen.count { return }
        let book = host.session.book
        func key(_ trade: TradeRecord) -> String { "\(trade.entryBar)/\(trade.size)" }
        let known = Set(host.reportedOpen.map(key))
        let closed = book.closedTrades
        for trade in closed.dropFirst(host.reportedClosed) {
            if !known.contains(key(trade)) {
                events.emit(
                    fill(host, bar: bar, units: trade.size, price: trade.entryPrice, what: "entry", trade: trade))
            }
            events.emit(fill(host, bar: bar, units: -trade.size, price: trade.exitPrice, what: "exit", trade: trade))
        }
        host.reportedClosed = closed.count
        let open = book.openTrades(markedAt: bar.close)
        for trade in open where !known.contains(key(trade)) {
            events.emit(fill(host, bar: bar, units: trade.size, price: trade.entryPrice, what: "entry", trade: trade))
        }
        host.reportedOpen = open
    }

    func fill(_ host: StrategyHost, bar: Bar, units: Double, price: Double, what: String, trade: TradeRecord)
        -> EngineEvent
    {
        EngineEvent(
            .fill, time: bar.time, strategy: host.name, symbol: host.symbol,
            fields: [
                ("side", .string(units > 0 ? "buy" : "sell")), ("units", .number(abs(units))),
                ("price", .number(price)),
                ("kind", .string(what)), ("entry_bar", .number(Double(trade.entryBar))),
            ])
    }
}
