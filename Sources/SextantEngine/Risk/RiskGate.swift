public import SextantBacktest
import SextantCore

/// Applies the account-wide risk file and the kill switch to every order intent of every strategy
/// (DSL.md §4). Exits and stops pass unless trading is halted outright (`halt_all`, the kill switch):
/// a risk limit may stop a position from growing, never from being closed.
///
/// Breakers are evaluated at each bar close on the summed account: `halt_entries` refuses entries from
/// then on, `flatten` also asks the engine to close every position, `halt_all` refuses every order.
/// Every decision is returned with its reason; the engine records each one as a `risk` event.
public final class RiskGate {
    private(set) var policy: RiskPolicy?
    /// The most recent order times (seconds), for `max_orders_per_minute`.
    private var recentOrders: [Int64] = []
    private var peak = -Double.infinity
    private var day: Int64 = .min
    private var dayStartEquity = 0.0
    private var lastEquity = 0.0
    /// Set by a `halt_entries` or `flatten` breaker.
    public private(set) var entriesHalted: String?
    /// Set by a `halt_all` breaker or the kill switch.
    public private(set) var allHalted: String?
    /// Set while this engine may not trade the account at all (it does not hold the leader lock): every
    /// order is refused, as under `allHalted`, until it is cleared.
    public var standby: String?

    /// A gate applying `policy` (nil: only the kill switch).
    public init(policy: RiskPolicy?) {
        self.policy = policy
    }

    /// Applies a reloaded risk file from the next decision on. The account's history (peak, day start,
    /// recent orders) and any halt already in force stay: a reload changes the limits, it does not
    /// lift a halt — restart the engine for that.
    public func replace(policy: RiskPolicy) {
        self.policy = policy
    }

    /// Positions the engine must close on the next bar before honouring a halt (a flattening kill).
    public private(set) var flattenPending = false

    /// Stops every new order at once (the kill switch), for `reason`; with `flatten`, the engine closes
    /// every position first (those closing orders are the only ones that pass).
    public func kill(_ reason: String, flatten: Bool = false) {
        guard allHalted == nil else { return }
        allHalted = reason
        flattenPending = flatten
    }

    /// Marks the flattening kill done.
    func flattened() {
        flattenPending = false
    }

    /// Re-evaluates limits and breakers for the account at a bar's close. Returns the breakers that
    /// tripped on this bar (already halted ones are not repeated) and whether positions must be closed.
    public func update(time: Int64, books: [PaperBook], closes: [Double]) -> (tripped: [String], flatten: Bool) {
        var account = RiskAccount()
        for (book, close) in zip(books, closes) {
            let equity = book.equity(at: close)
            account.equity += equity
            account.position += book.position
        }
        peak = max(peak, account.equity)
        let today = UTCTime.day(of: time)
        if today != day {
            dayStartEquity = day == .min ? account.equity : lastEquity
            day = today
        }
        lastEquity = account.equity
        account.dayPnl = account.equity - dayStartEquity
        account.drawdown = peak > 0 ? max(0, 1 - account.equity / peak) : 0
        account.cash = account.equity
        guard let policy else { return ([], false) }
        policy.update(time: time, account: account)
        var tripped: [String] = []
        var flatten = false
        for breaker in policy.trippedBreakers() {
            switch breaker.action {
            case .haltEntries:
                if entriesHalted == nil { tripped.append(breaker.path) }
                entriesHalted = entriesHalted ?? breaker.path
            case .flatten:
                if entriesHalted == nil { tripped.append(breaker.path) }
                entriesHalted = entriesHalted ?? breaker.path
                flatten = true
            case .haltAll:
                if allHalted == nil { tripped.append(breaker.path) }
                allHalted = allHalted ?? breaker.path
            }
        }
        return (tripped, flatten)
    }

    /// The verdict on one intent. `notional` is the order's estimated value, `positionValue` the
    /// strategy's position in the symbol after it, `grossExposure` every position's value before it,
    /// `openPositions` how many symbols hold a position, `opensNew` whether it opens one more.
    public func check(
        _ intent: OrderIntent, notional: Double, positionValue: Double, grossExposure: Double, openPositions: Int,
        opensNew: Bool
    ) -> RiskDecision {
        if let reason = allHalted { return .refused(rule: reason, reason: "trading is halted") }
        if let reason = standby { return .refused(rule: "leader_lock", reason: reason) }
        guard intent.action == .open else { return .approved }
        if let reason = entriesHalted { return .refused(rule: reason, reason: "entries are halted") }
        guard let policy else { return record(intent) }
        if let limit = policy.limit("max_order_notional"), notional > abs(limit) {
            return .refused(
                rule: "limits.max_order_notional", reason: "order value \(format(notional)) > \(format(limit))")
        }
        if let limit = policy.limit("max_position_per_symbol"), positionValue > abs(limit) {
            return .refused(
                rule: "limits.max_position_per_symbol",
                reason: "position value \(format(positionValue)) > \(format(limit))")
        }
        if let limit = policy.limit("max_gross_exposure"), grossExposure + notional > abs(limit) {
            return .refused(
                rule: "limits.max_gross_exposure",
                reason: "gross exposure \(format(grossExposure + notional)) > \(format(limit))")
        }
        if let limit = policy.limit("max_open_positions"), opensNew, Double(openPositions) >= limit {
            return .refused(rule: "limits.max_open_positions", reason: "\(openPositions) positions open")
        }
        if let limit = policy.limit("max_daily_loss"), lastEquity - dayStartEquity < -abs(limit) {
            return .refused(rule: "limits.max_daily_loss", reason: "the day's loss passed \(format(limit))")
        }
        if let limit = policy.limit("max_drawdown"), peak > 0, 1 - lastEquity / peak > limit {
            return .refused(rule: "limits.max_drawdown", reason: "drawdown past \(format(limit * 100))%")
        }
        if let limit = policy.limit("max_orders_per_minute") {
            recentOrders.removeAll { $0 <= intent.time - 60 }
            if Double(recentOrders.count) >= limit {
                return .refused(
                    rule: "limits.max_orders_per_minute", reason: "\(recentOrders.count) orders in a minute")
            }
        }
        return record(intent)
    }

    private func record(_ intent: OrderIntent) -> RiskDecision {
        recentOrders.append(intent.time)
        return .approved
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}
