public import SextantBacktest
public import SextantCore

/// The paper venue: the backtester's fill model behind the `ExchangeAdapter` protocol, fed by the live
/// bar stream. Each strategy on each symbol trades its own account, whose book is the strategy
/// session's `PaperBook` — the same book the backtest fills, so a paper run makes the backtest's trades.
///
/// Per bar: `open(_:account:)` fills the orders approved at the previous close at this open (closes
/// first) and runs the stops; at the close the router `place`s the approved orders, and `settle(account:)`
/// hands them to the book (filling them at once with `fill: close`). Every acknowledgement, refusal and
/// execution is a report with the order's client order ID; a stop that triggers is reported as an order
/// the venue made (`triggered`) followed by its fill.
///
/// **Sizing.** An entry's `quantity` is the router's estimate at the signal close; the paper venue sizes
/// it again at its fill price with the strategy's sizing rule, as the backtest (and Backtesting.py) do.
/// A venue of record fills the quantity sent.
///
/// **Identifiers** are deterministic — venue order `paper-<client order id>`, fill `<client order id>/<n>`
/// — so a replay of the same bars reports the same fills and the store recognizes them.
public final class PaperAdapter: ExchangeAdapter {
    public let venue = "paper"
    public let replaysOnRestart = true

    /// One strategy's account on one symbol (a class: mutated in place in the table every bar).
    final class Account {
        let strategy: String
        let symbol: String
        var version: String
        var session: LiveStrategy
        /// Orders placed at the current close, waiting for `settle`.
        var staged: [(order: Order, intent: OrderIntent)] = []
        /// Orders approved at the previous close, filling at the next open, by intent key.
        var working: [String: Order] = [:]

        init(strategy: String, symbol: String, version: String, session: LiveStrategy) {
            self.strategy = strategy
            self.symbol = symbol
            self.version = version
            self.session = session
        }
    }

    private var accounts: [String: Account] = [:]
    private var known: Set<ClientOrderID> = []
    private var reports: [VenueReport] = []
    private var history: [String: [Bar]] = [:]

    /// The bars per symbol `bars(symbol:timeframe:from:)` can return.
    static let historyLimit = 100_000

    /// A paper venue with no account yet.
    public init() {}

    /// The account name of a strategy on a symbol.
    public static func account(strategy: String, symbol: String) -> String { "\(strategy)/\(symbol)" }

    /// Opens (or, after a hot reload, hands to a new version) the account of `session`'s strategy on
    /// `symbol`. A new version takes over the previous session's book, so working orders stay working.
    public func attach(_ session: LiveStrategy, strategy: String, symbol: String, version: String) {
        let key = Self.account(strategy: strategy, symbol: symbol)
        if let account = accounts[key] {
            account.session = session
            account.version = version
        } else {
            accounts[key] = Account(strategy: strategy, symbol: symbol, version: version, session: session)
        }
    }

    /// The bar's open for one account: fills its working orders and runs its stops.
    public func open(_ bar: Bar, account key: String) {
        guard let account = accounts[key] else { return }
        record(account.session.open(bar), bar: bar, account: key)
    }

    /// Reports what an account's book did at the bar's open (`LiveStrategy.open(_:)`, called by the
    /// engine on its worker threads): the fills of its working orders and its stops' exits.
    public func record(_ outcome: BarOpenOutcome, bar: Bar, account key: String) {
        guard let account = accounts[key] else { return }
        if history[account.symbol]?.last?.time != bar.time {
            history[account.symbol, default: []].append(bar)
            // A long-lived engine keeps the most recent bars only, dropping old ones in chunks.
            if let count = history[account.symbol]?.count, count > 2 * Self.historyLimit {
                history[account.symbol]?.removeFirst(count - Self.historyLimit)
            }
        }
        report(outcome.orders, working: account.working, time: bar.time)
        account.working.removeAll()
        var legs: [OrderRule: Int] = [:]
        for execution in outcome.stops {
            let rule = Self.stopRule(execution.exitReason)
            let leg = legs[rule, default: 0]
            legs[rule] = leg + 1
            let order = Order(
                strategy: account.strategy, strategyVersion: account.version, symbol: account.symbol,
                barTime: bar.time, rule: rule, leg: leg, side: execution.units > 0 ? .buy : .sell,
                quantity: abs(execution.units))
            known.insert(order.clientOrderID)
            reports.append(.triggered(order))
            reports.append(.acknowledged(order.clientOrderID, venueOrderID: Self.venueID(order.clientOrderID)))
            reports.append(.fill(Self.fill(execution, of: order.clientOrderID, index: 0, time: bar.time)))
        }
    }

    /// Hands the orders placed at this close to the account's book (the gate has decided). Call it once
    /// per bar for every account whose session decided, with or without orders: trailing stops move here.
    public func settle(account key: String) {
        guard let account = accounts[key] else { return }
        let staged = account.staged
        account.staged.removeAll()
        let filled = account.session.approve(staged.map(\.intent))
        var orders: [String: Order] = [:]
        for (order, intent) in staged { orders[Self.key(intent)] = order }
        if filled.isEmpty {
            account.working = orders
        } else {
            report(filled, working: orders, time: staged.first?.intent.time ?? 0)
        }
    }

    private func report(_ outcomes: [PaperOrderOutcome], working: [String: Order], time: Int64) {
        for outcome in outcomes {
            guard let order = working[Self.key(outcome.intent)] else { continue }
            if outcome.executions.isEmpty {
                let reason = outcome.refusal.map { "fill model: \($0.rawValue)" } ?? "nothing to close"
                reports.append(.rejected(order.clientOrderID, reason: reason))
                continue
            }
            for (index, execution) in outcome.executions.enumerated() {
                reports.append(
                    .fill(Self.fill(execution, of: order.clientOrderID, index: index, time: time)))
            }
        }
    }

    // MARK: - ExchangeAdapter

    public func place(_ order: Order) async throws(VenueError) {
        guard !known.contains(order.clientOrderID) else { return }
        known.insert(order.clientOrderID)
        let key = Self.account(strategy: order.strategy, symbol: order.symbol)
        guard let account = accounts[key] else {
            reports.append(.rejected(order.clientOrderID, reason: "no paper account \(key)"))
            return
        }
        guard account.session.awaitingApproval,
            let intent = account.session.decision(rule: order.rule.rawValue, leg: order.leg, time: order.barTime)
        else {
            reports.append(
                .rejected(order.clientOrderID, reason: "the strategy made no such order at this bar (\(order.rule))"))
            return
        }
        account.staged.append((order, intent))
        reports.append(.acknowledged(order.clientOrderID, venueOrderID: Self.venueID(order.clientOrderID)))
    }

    /// Paper orders fill at the next open and cannot be cancelled in between: a cancel is refused (the
    /// order's state machine then keeps it working until its fill arrives).
    public func cancel(_ id: ClientOrderID) async throws(VenueError) {
        throw .refused("paper orders fill at the next bar's open and cannot be cancelled")
    }

    public func openOrders() async throws(VenueError) -> [VenueOrder] {
        accounts.values.flatMap { account in
            (account.staged.map(\.order) + account.working.values).map {
                VenueOrder(order: $0, venueOrderID: Self.venueID($0.clientOrderID), filledQuantity: 0)
            }
        }
    }

    public func balances() async throws(VenueError) -> [VenueBalance] {
        accounts.map { key, account in
            let close = history[account.symbol]?.last?.close ?? .nan
            return VenueBalance(
                account: key, cash: account.session.book.cash, equity: account.session.book.equity(at: close))
        }.sorted { $0.account < $1.account }
    }

    public func positions() async throws(VenueError) -> [VenuePosition] {
        accounts.map { key, account in
            VenuePosition(account: key, symbol: account.symbol, quantity: account.session.book.position)
        }.sorted { $0.account < $1.account }
    }

    public func bars(symbol: String, timeframe: Timeframe, from start: Int64) async throws(VenueError) -> [Bar] {
        (history[symbol] ?? []).filter { $0.time >= start }
    }

    public func takeReports() -> [VenueReport] {
        defer { reports.removeAll(keepingCapacity: true) }
        return reports
    }

    // MARK: - Identifiers

    static func key(_ intent: OrderIntent) -> String { "\(intent.rule)#\(intent.leg)@\(intent.time)" }

    static func venueID(_ id: ClientOrderID) -> String { "paper-\(id.rawValue)" }

    static func fill(_ execution: PaperExecution, of id: ClientOrderID, index: Int, time: Int64) -> Fill {
        Fill(
            fillID: "\(id.rawValue)/\(index)", clientOrderID: id, quantity: abs(execution.units),
            price: execution.price, commission: execution.commission, timeMilliseconds: time * 1000)
    }

    static func stopRule(_ reason: ExitReason?) -> OrderRule {
        switch reason {
        case .trailingStop: .trailingStop
        case .takeProfit: .takeProfit
        default: .stopLoss
        }
    }
}
