/// One position of a venue account.
public struct VenuePosition: Sendable, Hashable {
    /// The account holding it.
    public var account: String
    /// The instrument.
    public var symbol: String
    /// Signed units: positive long, negative short.
    public var quantity: Double

    /// A position.
    public init(account: String, symbol: String, quantity: Double) {
        self.account = account
        self.symbol = symbol
        self.quantity = quantity
    }
}
