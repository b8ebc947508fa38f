/// A working order as the venue reports it.
public struct VenueOrder: Sendable, Hashable {
    /// The order.
    public var order: Order
    /// The venue's ID of it.
    public var venueOrderID: String
    /// Units filled so far.
    public var filledQuantity: Double

    /// A working order.
    public init(order: Order, venueOrderID: String, filledQuantity: Double) {
        self.order = order
        self.venueOrderID = venueOrderID
        self.filledQuantity = filledQuantity
    }
}
