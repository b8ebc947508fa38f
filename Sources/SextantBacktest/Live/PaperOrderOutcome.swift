/// What a paper book did with one approved order at its fill: the executions it made, or why it made
/// none (the fill model refused the entry: no size, no cash, the position limit).
public struct PaperOrderOutcome: Sendable {
    /// The order.
    public var intent: OrderIntent
    /// Its executions: one per trade it opened or closed (a close of a pyramided side closes several).
    public var executions: [PaperExecution]
    /// Why the fill model refused it, when it made no execution and recorded a refusal.
    public var refusal: RejectionReason?
}
