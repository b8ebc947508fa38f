/// Why ``OrderStateMachine`` ignored an event. Ignoring is how the machine is idempotent: repeating an
/// event (a retried send, a second cancel, a fill reported twice) changes nothing.
public enum OrderIgnoreReason: Sendable, Hashable {
    /// The fill's ID was already counted.
    case duplicateFill(fillID: String)
    /// The order is over (``OrderStatus/isTerminal``) and the event is not a fill.
    case finished(OrderEvent, status: OrderStatus)
    /// The event does not apply in this status: a send after the first, a cancel while one is pending,
    /// an acknowledgement repeated, a timeout before anything was sent…
    case notApplicable(OrderEvent, status: OrderStatus)
}
