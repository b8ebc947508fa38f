/// A risk file whose limits and circuit breakers checked.
public struct CheckedRisk: Sendable {
    /// The document it was checked from.
    public var document: RiskDocument
    /// `limits.<key>` expressions in document order.
    public var limits: [CheckedStrategy.Named]
    /// `circuit_breakers[i].when` conditions, with their actions.
    public var breakers: [(condition: CheckedStrategy.Named, action: CircuitBreaker.Action)]
}
