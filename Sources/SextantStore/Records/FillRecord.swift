/// One execution reported by a venue.
///
/// A venue may report the same execution twice (a reconnect replays its fill stream), so a fill is
/// identified by the venue's fill ID, unique per venue, and recording it again changes nothing.
public struct FillRecord: Sendable, Hashable, Codable {
    /// The venue that reported the fill (`paper`, an exchange's name).
    public var venue: String
    /// The venue's ID of this execution; unique per venue.
    public var fillID: String
    /// The order that filled.
    public var clientOrderID: String
    /// Units filled, always positive (the order's side gives the direction).
    public var quantity: Double
    /// Execution price.
    public var price: Double
    /// Commission charged for this execution, in the account's currency.
    public var commission: Double
    /// When the venue executed it.
    public var time: EpochMilliseconds

    /// Creates a record.
    public init(
        venue: String, fillID: String, clientOrderID: String, quantity: Double, price: Double,
        commission: Double = 0, time: EpochMilliseconds
    ) {
        self.venue = venue
        self.fillID = fillID
        self.clientOrderID = clientOrderID
        self.quantity = quantity
        self.price = price
        self.commission = commission
        self.time = time
    }
}
