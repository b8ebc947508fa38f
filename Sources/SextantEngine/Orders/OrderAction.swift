/// What the caller of ``OrderStateMachine`` must do after an event. The machine performs no I/O; it
/// returns these, in order, and an event that needs nothing returns none.
public enum OrderAction: Sendable, Hashable {
    /// Place the order at the venue (the store already holds the intent).
    case send(Order)
    /// Ask the venue to cancel the order (by its client order ID, or the venue order ID when known).
    case cancelAtVenue
    /// Persist the fill and apply it to the position: it is new and counted.
    case record(Fill)
    /// Ask the venue for the order's status and fills, and feed what it says back as events.
    case reconcile
    /// Something is wrong: log it as an error and raise a risk event.
    case alert(OrderAnomaly)
    /// The event changed nothing and is harmless: log it at debug level.
    case ignore(OrderIgnoreReason)
}
