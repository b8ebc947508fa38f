/// Something a venue says about an order, as the router feeds it to the order's state machine.
public enum VenueReport: Sendable, Hashable {
    /// The venue accepted the order under its own ID.
    case acknowledged(ClientOrderID, venueOrderID: String)
    /// The venue refused the order.
    case rejected(ClientOrderID, reason: String)
    /// The venue executed (part of) an order.
    case fill(Fill)
    /// The venue cancelled the order (on request, or on its own).
    case cancelled(ClientOrderID)
    /// The venue made an order on the account's behalf: a resting stop that triggered. Its fills follow.
    case triggered(Order)

    /// The order the report concerns.
    public var clientOrderID: ClientOrderID {
        switch self {
        case .acknowledged(let id, _), .rejected(let id, _), .cancelled(let id): id
        case .fill(let fill): fill.clientOrderID
        case .triggered(let order): order.clientOrderID
        }
    }
}
