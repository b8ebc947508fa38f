/// Something that happens to an order: the engine's decisions (`send`, `requestCancel`, `timeout`) and
/// the venue's reports (everything else, from its stream, its responses or a reconciliation).
public enum OrderEvent: Sendable, Hashable {
    /// The engine sends the stored intent.
    case send
    /// The venue accepted the order under its own ID.
    case acknowledge(venueOrderID: String)
    /// The venue refused the order (a reconciliation that finds no such order reports this too).
    case reject(reason: String)
    /// The venue executed (part of) the order.
    case fill(Fill)
    /// The engine wants the order cancelled.
    case requestCancel
    /// The venue reports the order cancelled: answering a request, or on its own (an IOC's remainder,
    /// self-trade prevention).
    case cancelAcknowledged
    /// The venue refused a cancel (usually: the order already finished, or it does not know it).
    case cancelRejected(reason: String)
    /// The order's time in force ran out.
    case expire
    /// No answer in time, or the venue's view of the order was lost: its status is unknown.
    case timeout

    /// The event's name for logs and tables: `send`, `acknowledge`, `reject`, `fill`,
    /// `request_cancel`, `cancel_acknowledged`, `cancel_rejected`, `expire`, `timeout`.
    public var name: String {
        switch self {
        case .send: "send"
        case .acknowledge: "acknowledge"
        case .reject: "reject"
        case .fill: "fill"
        case .requestCancel: "request_cancel"
        case .cancelAcknowledged: "cancel_acknowledged"
        case .cancelRejected: "cancel_rejected"
        case .expire: "expire"
        case .timeout: "timeout"
        }
    }
}
