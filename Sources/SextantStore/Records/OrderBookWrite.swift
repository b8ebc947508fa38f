/// One change of the order book, as the engine applies a venue's reports: a fill with the order state
/// and position it leads to, or an order's new state alone. `TradingStore.record(_:)` applies a list of
/// them in one transaction.
public enum OrderBookWrite: Sendable, Hashable {
    /// What `TradingStore.recordFill(_:orderState:position:)` writes.
    case fill(FillRecord, orderState: OrderStateUpdate?, position: PositionRecord?)
    /// What `TradingStore.updateOrderState(clientOrderID:to:venueOrderID:at:)` writes.
    case orderState(clientOrderID: String, OrderStateUpdate)

    /// The client order ID of the order the write concerns.
    public var clientOrderID: String {
        switch self {
        case .fill(let fill, _, _): fill.clientOrderID
        case .orderState(let id, _): id
        }
    }

    /// Checks the records' fields as the single-write methods do.
    /// - Throws: `StoreError.invalidRecord` naming the field.
    package func validate() throws(StoreError) {
        guard case .fill(let fill, _, let position) = self else { return }
        try fill.validate()
        try position?.validate()
    }
}
