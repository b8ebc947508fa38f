public import SextantCore
public import SextantGraph
public import SextantLanguage

/// A strategy fed one bar at a time: the engine's path (dry-run and live). The same graph as the
/// backtest evaluated by a `StreamEvaluator` (bit-identical to the batch columns), the same
/// `DecisionRules`, and a `PaperBook` with the same fill model — so a dry-run over history makes the
/// backtest's trades.
///
/// Per bar, in the backtest's order: `open(_:)` fills the orders approved at the previous close and
/// runs the stops; `close(_:)` marks the book, updates the graph and returns the new intents; the caller
/// (the engine's risk gate) approves some and hands them back to `approve(_:)` — exactly once per bar,
/// with an empty list when it approves nothing, because trailing stops move there.
public final class LiveStrategy {
    /// The checked strategy.
    public let strategy: CheckedStrategy
    /// The fill and cost model.
    public let settings: BacktestSettings
    /// The book orders fill into.
    public private(set) var book: PaperBook
    let evaluator: StreamEvaluator
    let program: StrategyProgram
    /// Bars seen so far (the index of the next bar).
    public private(set) var barCount = 0
    private var pending: [OrderIntent] = []
    private var atr = Double.nan
    private var lastBar: Bar?
    private var stopped = false
    /// `close(_:)` decided on the latest bar and `approve(_:)` has not run yet.
    private var decided = false
    /// The orders decided at the latest close (or by the latest `flattenIntents()`), with their legs:
    /// what a venue placing one of them looks up by rule and leg.
    public private(set) var latestDecisions: [OrderIntent] = []
    /// Notes about the session (equity exhausted…).
    public private(set) var warnings: [String] = []

    /// A session of `strategy` at the param values `params`.
    public init(_ strategy: CheckedStrategy, params: [String: Double] = [:], settings: BacktestSettings) {
        self.strategy = strategy
        self.settings = settings
        let graph = Planner.plan(
            strategy, params: params, extra: StrategyProgram.extraExpressions(strategy, settings))
        evaluator = StreamEvaluator(graph)
        program = StrategyProgram(strategy: strategy, evaluator: evaluator)
        book = PaperBook(broker: Broker(settings: settings, sizing: program.sizing, dateOnly: false))
    }

    /// A new version of a running strategy (a hot reload): it takes over the previous session's book,
    /// stops and approved orders, and its graph is warmed up on `history` — the bars the engine has seen,
    /// oldest first — so that every node holds the value a session running from the start would hold.
    /// No decision is made during the warm-up. (State-stage nodes see the current account throughout
    /// it: earlier account states are not replayed.)
    public convenience init(
        _ strategy: CheckedStrategy, params: [String: Double] = [:], settings: BacktestSettings,
        takingOver previous: LiveStrategy, history: [Bar]
    ) {
        self.init(strategy, params: params, settings: settings)
        var broker = previous.book.broker
        broker.sizing = program.sizing
        book = PaperBook(broker: broker)
        pending = previous.pending
        let snapshot = broker.snapshot(
            bar: max(0, history.count - 1), close: history.last?.close ?? .nan,
            equity: broker.markedEquity(at: history.last?.close ?? .nan))
        for bar in history {
            evaluator.update(time: bar.time, bar: bar, state: snapshot)
            atr = program.atr?.at(barCount) ?? .nan
            barCount += 1
        }
        lastBar = history.last
    }

    /// The first bar on which the strategy decides (its warm-up + 1, as the backtest).
    public var firstDecisionBar: Int { program.indicatorWarmup + 1 }

    /// Bars of history the strategy needs before its first decision.
    public var warmup: Int { evaluator.graph.warmup }

    /// The bar's open: fills the approved orders (closes first, as the backtest) and runs the stops.
    /// - Returns: What each order did and the stops' exits.
    @discardableResult
    public func open(_ bar: Bar) -> BarOpenOutcome {
        var outcome = BarOpenOutcome()
        guard !stopped else { return outcome }
        if !pending.isEmpty {
            outcome.orders = fill(pending, bar: barCount, time: bar.time, price: bar.open)
            pending.removeAll(keepingCapacity: true)
        }
        outcome.stops = book.stopExecutions(bar: barCount, bar: bar, atr: atr)
        return outcome
    }

    /// Fills orders one by one, closes first (the order `Broker.fill` uses).
    private func fill(_ intents: [OrderIntent], bar: Int, time: Int64, price: Double) -> [PaperOrderOutcome] {
        let ordered = intents.filter { $0.action == .close } + intents.filter { $0.action == .open }
        return ordered.map { book.fill($0, bar: bar, time: time, price: price) }
    }

    /// The bar's close: marks the book, updates the graph, and returns the orders the strategy decides
    /// (none during the warm-up). Call `approve(_:)` with those the risk gate lets through.
    public func close(_ bar: Bar) -> [OrderIntent] {
        defer {
            barCount += 1
            lastBar = bar
        }
        latestDecisions = []
        guard !stopped else { return [] }
        let index = barCount
        let value = book.broker.mark(time: bar.time, close: bar.close)
        if value <= 0, index >= firstDecisionBar {
            book.broker.ruin(bar: index, time: bar.time, close: bar.close)
            stopped = true
            warnings.append("equity fell to zero or below at bar \(index): the session stopped there")
            return []
        }
        let snapshot = book.broker.snapshot(bar: index, close: bar.close, equity: value)
        evaluator.update(time: bar.time, bar: bar, state: snapshot)
        atr = program.atr?.at(index) ?? .nan
        guard index >= firstDecisionBar else { return [] }
        decided = true
        latestDecisions = Self.numbered(
            DecisionRules.decide(at: index, time: bar.time, equity: value, program: program, broker: &book.broker)
                .map { OrderIntent($0, time: bar.time) })
        return latestDecisions
    }

    /// The order decided at the latest close with this rule and leg, if any.
    public func decision(rule: String, leg: Int, time: Int64) -> OrderIntent? {
        latestDecisions.first { $0.rule == rule && $0.leg == leg && $0.time == time }
    }

    /// Numbers each rule's orders on one bar (a reversal's close and open share a rule): the leg.
    static func numbered(_ intents: [OrderIntent]) -> [OrderIntent] {
        var legs: [String: Int] = [:]
        return intents.map { intent in
            var intent = intent
            intent.leg = legs[intent.rule, default: 0]
            legs[intent.rule] = intent.leg + 1
            return intent
        }
    }

    /// Orders closing every open trade (a `flatten` breaker, the kill switch), decided at the latest bar.
    public func flattenIntents() -> [OrderIntent] {
        guard let bar = lastBar else { return [] }
        let sides = Set(book.broker.trades.map(\.isLong))
        latestDecisions = Self.numbered(
            sides.sorted { $0 && !$1 }.map { long in
                OrderIntent(
                    PendingOrder(
                        kind: .close(long: long, reason: .risk), signalBar: barCount - 1,
                        parameters: OrderParameters()),
                    time: bar.time)
            })
        return latestDecisions
    }

    /// The units an entry would take if it filled at `price` now, after the closing orders `closing`
    /// decided with it (a reversal's entry is sized from the cash its close frees): the risk gate's
    /// pre-trade estimate and the quantity sent. The fill sizes again at its own price. 0 for a close.
    public func estimatedUnits(_ intent: OrderIntent, at price: Double, after closing: [OrderIntent] = []) -> Double {
        guard intent.action == .open, price.isFinite, price > 0 else { return 0 }
        var broker = book.broker
        let closes = closing.filter { $0.action == .close }
        if !closes.isEmpty {
            broker.fill(closes.map(\.order), bar: max(0, barCount - 1), time: intent.time, price: price)
        }
        let units = broker.sizing(long: intent.long, raw: price, parameters: intent.order.parameters).units
        return units.isFinite ? max(0, units) : 0
    }

    /// Orders approved at this bar's close: filled at once with `fill: close`, else at the next open.
    /// Then the trailing stops follow this close.
    /// - Returns: What the orders filled at this close did (none with next-open fills).
    @discardableResult
    public func approve(_ intents: [OrderIntent]) -> [PaperOrderOutcome] {
        guard decided, let bar = lastBar else { return [] }
        decided = false
        let index = barCount - 1
        var filled: [PaperOrderOutcome] = []
        if !intents.isEmpty {
            switch settings.fill {
            case .nextOpen: pending = intents
            case .close: filled = fill(intents, bar: index, time: bar.time, price: bar.close)
            }
        }
        if !book.broker.trades.isEmpty, let trailing = program.trailing {
            book.broker.ratchetTrailingStops(close: bar.close, distance: trailing.at(index))
        }
        return filled
    }

    /// True between `close(_:)` and `approve(_:)`: the session waits for the gate's verdict.
    public var awaitingApproval: Bool { decided }
}
