extension OrderRecord {
    /// The direction of an order. Raw values are what the `orders.side` column holds.
    public enum Side: String, Sendable, Hashable, Codable, CaseIterable {
        case buy
        case sell
    }
}
