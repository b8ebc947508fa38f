/// What a live session's book did at a bar's open: the approved orders it filled (each with its
/// executions or its refusal) and the exits its stops made within the bar.
public struct BarOpenOutcome: Sendable {
    /// The orders approved at the previous close, in fill order (closes first).
    public var orders: [PaperOrderOutcome] = []
    /// Stop-loss, trailing-stop and take-profit exits within the bar.
    public var stops: [PaperExecution] = []

    /// Nothing filled, nothing stopped.
    public init() {}
}
