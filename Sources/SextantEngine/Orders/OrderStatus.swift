/// Where an order is in its lifecycle (``OrderStateMachine``).
///
/// The four terminal statuses end the order: no send, cancel or timeout applies any more. Fills
/// still do — a fill is money that moved — so a cancelled or expired order can gain fills (it is then
/// "partially filled, cancelled", or becomes ``filled``).
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The intent is stored, not sent.
    case new
    /// Sent; the venue has not answered yet.
    case pendingAck = "pending_ack"
    /// The venue accepted the order (it has a venue order ID) and nothing is filled.
    case acknowledged
    /// Part of the quantity is filled and the rest is working.
    case partiallyFilled = "partially_filled"
    /// A cancel was sent; the venue has not confirmed it.
    case pendingCancel = "pending_cancel"
    /// The venue's view is unknown (a request timed out, a stream dropped): reconciliation will tell.
    case unknown
    /// The whole quantity is filled.
    case filled
    /// Cancelled (by request, or by the venue: an IOC's remainder, self-trade prevention), possibly
    /// after partial fills.
    case cancelled
    /// Refused by the venue (or, for an invalid order, by the engine before sending).
    case rejected
    /// Its time in force ran out, possibly after partial fills.
    case expired

    /// Whether the order is over: filled, cancelled, rejected or expired.
    public var isTerminal: Bool {
        switch self {
        case .new, .pendingAck, .acknowledged, .partiallyFilled, .pendingCancel, .unknown: false
        case .filled, .cancelled, .rejected, .expired: true
        }
    }
}
