/// A strategy's position in one symbol, as the engine last computed it.
///
/// Keyed by strategy *name*, not version: a position outlives hot reloads of the file that opened it.
/// A closed position stays as a row with quantity 0.
public struct PositionRecord: Sendable, Hashable, Codable {
    /// The strategy's `name:`.
    public var strategy: String
    /// The instrument.
    public var symbol: String
    /// Signed units: positive long, negative short, 0 flat.
    public var quantity: Double
    /// Average entry price of the open quantity (0 when flat).
    public var averagePrice: Double
    /// When the engine last changed it.
    public var updated: EpochMilliseconds

    /// Creates a record.
    public init(strategy: String, symbol: String, quantity: Double, averagePrice: Double, updated: EpochMilliseconds) {
        self.strategy = strategy
        self.symbol = symbol
        self.quantity = quantity
        self.averagePrice = averagePrice
        self.updated = updated
    }
}
