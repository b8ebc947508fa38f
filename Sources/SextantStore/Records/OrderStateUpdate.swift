/// A change of an order's state, applied together with a fill by
/// `TradingStore.recordFill(_:orderState:position:)`.
public struct OrderStateUpdate: Sendable, Hashable, Codable {
    /// The new state.
    public var state: OrderRecord.State
    /// The venue's order ID, when this update learns it (`nil` keeps the stored one).
    public var venueOrderID: String?
    /// When the change happened.
    public var time: EpochMilliseconds

    /// Creates an update.
    public init(state: OrderRecord.State, venueOrderID: String? = nil, time: EpochMilliseconds) {
        self.state = state
        self.venueOrderID = venueOrderID
        self.time = time
    }
}
