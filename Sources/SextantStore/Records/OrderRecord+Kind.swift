extension OrderRecord {
    /// The order type. Raw values are what the `orders.type` column holds.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Fills at the next available price.
        case market
        /// Fills at the limit price or better.
        case limit
        /// Becomes a market order when the stop price trades.
        case stop
        /// Becomes a limit order when the stop price trades.
        case stopLimit = "stop_limit"

        /// Whether an order of this type carries a limit price.
        public var hasLimitPrice: Bool { self == .limit || self == .stopLimit }

        /// Whether an order of this type carries a stop price.
        public var hasStopPrice: Bool { self == .stop || self == .stopLimit }
    }
}
