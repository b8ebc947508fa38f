/// Why ``OrderStateMachine`` raised an alert. Each is something a correct venue and a correct engine
/// do not produce; the machine stays consistent (it never crashes and never counts a quantity twice)
/// and leaves the judgement to a person or to the reconciliation.
public enum OrderAnomaly: Sendable, Hashable {
    /// A fill that would take the filled quantity past the order's quantity. Not counted; the machine
    /// asks for a reconciliation.
    case overfill(Fill, filledBefore: Double, ordered: Double)
    /// A fill that cannot belong to the order: another client order ID, or a quantity that is not a
    /// positive number, or a price or commission that is not a number. Not counted.
    case invalidFill(Fill)
    /// The order cannot be sent as it is (``Order/invalidity``): it is rejected without being sent.
    case invalidOrder(String)
    /// A venue event the order's status rules out — a report for an order never sent, a fill after a
    /// rejection, a rejection after fills. Applied anyway: the venue's word is what happened.
    case unexpected(OrderEvent, status: OrderStatus)
    /// An acknowledgement naming another venue order ID than the one already known (which is kept).
    case venueOrderIDMismatch(known: String, reported: String)
}
