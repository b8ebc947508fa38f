public import SextantBacktest
public import SextantCore
import SextantLanguage

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
    let events: any EventSink
    let clock: any EngineClock
    /// Seconds of wall time between bars (0: as fast as possible).
    let pace: Double

    /// An engine over `hosts`.
    public init(
        hosts: [StrategyHost], gate: RiskGate, events: any EventSink, clock: any EngineClock = SystemClock(),
        pace: Double = 0
    ) {
        self.hosts = hosts
        self.gate = gate
        self.events = events
        self.clock = clock
        self.pace = pace
    }

    /// Replays `bars` (one symbol's, shared by every host) through the live path.
    public func run(_ bars: BarSeries) async throws {
        for bar in bars {
            try Task.checkCancellation()
            step(bar)
            if pace > 0 { try await clock.sleep(seconds: pace) }
        }
    }

    /// One bar through every host.
    public func step(_ bar: Bar) {
        for host in hosts {
            host.session.open(bar)
            reportFills(host, bar: bar)
            events.emit(
                EngineEvent(
                    .bar, time: bar.time, strategy: host.name, symbol: host.symbol,
                    fields: [
                        ("open", .number(bar.open)), ("high", .number(bar.high)), ("low", .number(bar.low)),
                        ("close", .number(bar.close)), ("volume", .number(bar.volume)),
                    ]))
        }
        let books = hosts.map(\.session.book)
        let (tripped, flatten) = gate.update(
            time: bar.time, books: books, closes: hosts.map { _ in bar.close })
        for path in tripped {
            events.emit(
                EngineEvent(.risk, time: bar.time, fields: [("rule", .string(path)), ("decision", .string("halt"))]))
        }
        var gross = zip(books, hosts).reduce(0.0) { $0 + abs($1.0.position) * bar.close }
        var open = books.count { $0.position != 0 }
        for host in hosts {
            var intents = host.session.close(bar)
            if gate.flattenPending {
                // A flattening kill: the closing orders go straight to the book; nothing else passes.
                let closing = host.session.flattenIntents()
                for (leg, intent) in closing.enumerated() { emitOrder(host, intent, leg: leg, units: 0, bar: bar) }
                host.session.approve(closing)
                reportFills(host, bar: bar)
                continue
            }
            if flatten { intents = host.session.flattenIntents() }
            // A retired strategy (its file was deleted) only winds down: exits and stops, no entries.
            if host.retired { intents.removeAll { $0.action == .open } }
            var approved: [OrderIntent] = []
            // A reversal is two orders of one rule on one bar (close, then open): the leg tells them apart.
            var legs: [String: Int] = [:]
            for intent in intents {
                let leg = legs[intent.rule, default: 0]
                legs[intent.rule] = leg + 1
                events.emit(
                    EngineEvent(
                        .signal, time: bar.time, strategy: host.name, symbol: host.symbol,
                        fields: [("rule", .string(intent.rule)), ("action", .string(intent.action.rawValue))]))
                let units = host.session.estimatedUnits(intent, at: bar.close)
                let notional = units * bar.close
                let held = abs(host.session.book.position) * bar.close
                let opensNew = intent.action == .open && host.session.book.position == 0
                let decision = gate.check(
                    intent, notional: notional, positionValue: held + notional, grossExposure: gross,
                    openPositions: open, opensNew: opensNew)
                switch decision {
                case .approved:
                    approved.append(intent)
                    gross += notional
                    if opensNew { open += 1 }
                    emitOrder(host, intent, leg: leg, units: units, bar: bar)
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
            host.session.approve(approved)
            reportFills(host, bar: bar)
        }
        settleKill()
    }

    /// The `order` event of an approved intent (`estimated_units` 0 for a close: it takes the position).
    func emitOrder(_ host: StrategyHost, _ intent: OrderIntent, leg: Int, units: Double, bar: Bar) {
        events.emit(
            EngineEvent(
                .order, time: bar.time, strategy: host.name, symbol: host.symbol,
                fields: [
                    ("client_order_id", .string(Self.orderID(host, intent, leg: leg))),
                    ("side", .string(intent.buys ? "buy" : "sell")),
                    ("rule", .string(intent.rule)), ("estimated_units", .number(units)),
                ]))
    }

    /// Marks a flattening kill done once every host has closed (called after a step).
    func settleKill() {
        if gate.flattenPending { gate.flattened() }
    }

    /// A deterministic id for an order: the strategy version, symbol, bar time, rule and leg.
    static func orderID(_ host: StrategyHost, _ intent: OrderIntent, leg: Int) -> String {
        ClientOrderID(
            strategyVersion: host.version, symbol: host.symbol, barTime: intent.time,
            rule: OrderRule(rawValue: intent.rule), leg: leg
        ).rawValue
    }

    /// Emits a `fill` event for every entry and exit the host's book made since the last report (an
    /// entry stopped out within its own bar gives both).
    func reportFills(_ host: StrategyHost, bar: Bar) {
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
