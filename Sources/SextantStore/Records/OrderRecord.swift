/// An order as the store keeps it: first as an *intent* (state `new`, written before the order is
/// sent), then updated as the venue acknowledges, fills, cancels or rejects it.
///
/// The client order ID is deterministic (the engine hashes strategy version, symbol, bar time, rule and
/// leg), so recording the same decision twice — a retry, or a restart replaying the same bar — finds the
/// row that is already there instead of creating a second order.
public struct OrderRecord: Sendable, Hashable, Codable {
    /// The engine's deterministic ID, sent to the venue as the client order ID; unique in the store.
    public var clientOrderID: String
    /// Content hash of the strategy version that decided the order (a `StrategyVersionRecord`).
    public var strategyVersion: String
    /// The instrument traded.
    public var symbol: String
    /// Buy or sell.
    public var side: Side
    /// Units ordered, always positive (the side gives the direction).
    public var quantity: Double
    /// Market, limit, stop or stop-limit.
    public var kind: Kind
    /// The limit price: present exactly for `limit` and `stopLimit` orders.
    public var limitPrice: Double?
    /// The stop (trigger) price: present exactly for `stop` and `stopLimit` orders.
    public var stopPrice: Double?
    /// Open time of the bar whose close decided the order, seconds since the epoch (as `Bar.time`).
    public var barTime: Int64
    /// The rule that fired, e.g. `entry.long` or `stop`.
    public var rule: String
    /// Which order of that rule's decision this is (`main`, `stop`, `take_profit`, a pair's symbol…).
    public var leg: String
    /// Where the order is in its lifecycle.
    public var state: State
    /// The venue's own ID, once it acknowledged the order.
    public var venueOrderID: String?
    /// When the intent was recorded.
    public var created: EpochMilliseconds
    /// When the state last changed.
    public var updated: EpochMilliseconds

    /// Creates a record.
    public init(
        clientOrderID: String, strategyVersion: String, symbol: String, side: Side, quantity: Double,
        kind: Kind, limitPrice: Double? = nil, stopPrice: Double? = nil, barTime: Int64, rule: String,
        leg: String, state: State = .new, venueOrderID: String? = nil, created: EpochMilliseconds,
        updated: EpochMilliseconds? = nil
    ) {
        self.clientOrderID = clientOrderID
        self.strategyVersion = strategyVersion
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.kind = kind
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.barTime = barTime
        self.rule = rule
        self.leg = leg
        self.state = state
        self.venueOrderID = venueOrderID
        self.created = created
        self.updated = updated ?? created
    }
}
