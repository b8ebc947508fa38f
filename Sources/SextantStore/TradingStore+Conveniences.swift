extension TradingStore {
    /// Records a fill alone (no order state or position change in the same transaction).
    /// - Returns: True when the fill was new.
    @discardableResult
    public func recordFill(_ fill: FillRecord) async throws -> Bool {
        try await recordFill(fill, orderState: nil, position: nil)
    }

    /// Sets an order's state, keeping its stored venue order ID.
    @discardableResult
    public func updateOrderState(
        clientOrderID: String, to state: OrderRecord.State, at time: EpochMilliseconds
    ) async throws -> OrderRecord {
        try await updateOrderState(clientOrderID: clientOrderID, to: state, venueOrderID: nil, at: time)
    }
}
