/// One execution of an order at the venue: money moved.
///
/// A fill is identified by the venue's ``fillID`` (its trade or execution ID): the same fill reported
/// twice — by the stream and by a reconciliation, or after a reconnect — is recognized by its ID and
/// counted once (``OrderStateMachine``).
///
/// JSON (snake_case): `fill_id`, `client_order_id`, `quantity`, `price`, `commission`, `time_ms`.
public struct Fill: Sendable, Hashable, Codable {
    /// The venue's ID of this execution, unique per order.
    public var fillID: String
    /// The order filled.
    public var clientOrderID: ClientOrderID
    /// Units filled, positive (the direction is the order's side).
    public var quantity: Double
    /// The execution price, in the quote currency.
    public var price: Double
    /// The fee charged for this execution, in the account currency (a rebate is negative).
    public var commission: Double
    /// When the venue executed it, milliseconds since the Unix epoch (UTC): venues stamp executions to
    /// the millisecond, where bar times (`Order.barTime`) are whole seconds.
    public var timeMilliseconds: Int64

    /// A fill.
    public init(
        fillID: String, clientOrderID: ClientOrderID, quantity: Double, price: Double, commission: Double = 0,
        timeMilliseconds: Int64
    ) {
        self.fillID = fillID
        self.clientOrderID = clientOrderID
        self.quantity = quantity
        self.price = price
        self.commission = commission
        self.timeMilliseconds = timeMilliseconds
    }

    private enum CodingKeys: String, CodingKey {
        case fillID = "fill_id"
        case clientOrderID = "client_order_id"
        case quantity
        case price
        case commission
        case timeMilliseconds = "time_ms"
    }
}
