extension OrderRecord {
    /// Where an order is in its lifecycle (the engine's state machine decides the transitions; the store
    /// records them). Raw values are what the `orders.state` column holds.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// The intent is stored; the venue has not acknowledged it. After a crash such an order may or may
        /// not have reached the venue, so a restart reconciles it (`TradingStore.unsentIntents()`).
        case new
        /// The venue accepted the order.
        case acknowledged
        /// Some, not all, of the quantity filled.
        case partiallyFilled = "partially_filled"
        /// All of the quantity filled.
        case filled
        /// Cancelled before it filled completely.
        case cancelled
        /// The venue refused the order.
        case rejected
        /// The order's time in force ran out.
        case expired

        /// Whether the order can still fill: `new`, `acknowledged` or `partiallyFilled`.
        public var isOpen: Bool {
            switch self {
            case .new, .acknowledged, .partiallyFilled: true
            case .filled, .cancelled, .rejected, .expired: false
            }
        }

        /// The states `TradingStore.openOrders()` returns.
        public static let open: [State] = allCases.filter(\.isOpen)
    }
}
