/// A `kind: risk` file (DSL.md §4): account-wide limits and circuit breakers.
public struct RiskDocument: Sendable {
    /// The file it was loaded from.
    public var file: SourceFile
    /// `name:`.
    public var name: Located<String>
    /// `limits:`, keyed by the limit names of `RiskDocument.limitKeys`.
    public var limits: [RiskLimit]
    /// `circuit_breakers:` in order.
    public var circuitBreakers: [CircuitBreaker]

    /// The keys allowed in `limits:`.
    public static let limitKeys = [
        "max_gross_exposure", "max_net_exposure", "max_position_per_symbol", "max_open_positions",
        "max_order_notional", "max_orders_per_minute", "max_daily_loss", "max_drawdown",
    ]

    /// Creates a risk document.
    public init(
        file: SourceFile, name: Located<String>, limits: [RiskLimit] = [], circuitBreakers: [CircuitBreaker] = []
    ) {
        self.file = file
        self.name = name
        self.limits = limits
        self.circuitBreakers = circuitBreakers
    }
}

/// One account-wide limit: `max_order_notional: 50000`.
public struct RiskLimit: Sendable {
    /// The limit's key.
    public var key: String
    /// Its value, an expression.
    public var value: ExpressionField

    /// Creates a limit.
    public init(key: String, value: ExpressionField) {
        self.key = key
        self.value = value
    }
}

/// One circuit breaker: when the condition holds, take the action.
public struct CircuitBreaker: Sendable {
    /// What the engine does when a breaker trips.
    public enum Action: String, Sendable, CaseIterable {
        /// No new entries; exits and stops still run.
        case haltEntries = "halt_entries"
        /// Close every position, then halt entries.
        case flatten
        /// No orders at all, not even exits.
        case haltAll = "halt_all"
    }

    /// `when:`, a condition over account state.
    public var when: ExpressionField
    /// `action:`.
    public var action: Located<Action>

    /// Creates a breaker.
    public init(when: ExpressionField, action: Located<Action>) {
        self.when = when
        self.action = action
    }
}
