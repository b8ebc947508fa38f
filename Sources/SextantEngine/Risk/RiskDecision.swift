/// The risk gate's verdict on one order intent.
public enum RiskDecision: Sendable, Equatable {
    /// Sent on.
    case approved
    /// Refused, with the rule (`limits.max_order_notional`, `circuit_breakers[0]`, `kill_switch`…) and why.
    case refused(rule: String, reason: String)
}
