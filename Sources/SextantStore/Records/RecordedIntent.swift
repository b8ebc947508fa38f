/// What `TradingStore.recordIntent(_:)` found: the stored order, and whether this call created it.
///
/// When `wasInserted` is false the client order ID was already known, and `order` is the row that was
/// there (its state tells whether it was sent): the caller must not send the order again.
public struct RecordedIntent: Sendable, Hashable {
    /// The order as stored now.
    public var order: OrderRecord
    /// True when this call wrote the intent; false when the client order ID already existed.
    public var wasInserted: Bool

    /// Creates a result.
    public init(order: OrderRecord, wasInserted: Bool) {
        self.order = order
        self.wasInserted = wasInserted
    }
}
