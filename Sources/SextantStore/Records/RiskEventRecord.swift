/// One decision of the risk gate or a circuit breaker, with its reason.
public struct RiskEventRecord: Sendable, Hashable, Codable {
    /// The store's sequence number, assigned when the event is recorded (`nil` before).
    public var id: Int64?
    /// When the decision was made.
    public var time: EpochMilliseconds
    /// The strategy concerned, or `nil` for an account-wide event (the kill switch, a daily loss limit).
    public var strategy: String?
    /// The symbol concerned, or `nil` when the event is not about one symbol.
    public var symbol: String?
    /// The limit that decided, e.g. `max_order_notional` or `circuit_breakers.daily_loss`.
    public var rule: String
    /// What the gate did.
    public var decision: Decision
    /// Why, in words, for the log and the dashboard.
    public var reason: String
    /// Machine-readable particulars (the values compared, the order concerned) as JSON text, or `nil`.
    public var details: String?

    /// Creates a record.
    public init(
        id: Int64? = nil, time: EpochMilliseconds, strategy: String?, symbol: String?, rule: String,
        decision: Decision, reason: String, details: String? = nil
    ) {
        self.id = id
        self.time = time
        self.strategy = strategy
        self.symbol = symbol
        self.rule = rule
        self.decision = decision
        self.reason = reason
        self.details = details
    }
}
