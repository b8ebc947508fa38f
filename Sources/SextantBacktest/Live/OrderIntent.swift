/// An order a strategy decided at a bar's close, before the engine's risk gate and router see it.
public struct OrderIntent: Sendable {
    /// Open a trade, or close the open trades of a side.
    public enum Action: String, Sendable, Codable {
        case open
        case close
    }

    /// What the order does.
    public var action: Action
    /// The side it opens or closes: true for long.
    public var long: Bool
    /// The rule it comes from (`entry.long`, `exit.short`, `stops.max_bars`…).
    public var rule: String
    /// The bar the decision was made on (its index in the session) and its time.
    public var bar: Int
    public var time: Int64
    /// The order's number among its rule's orders on this bar (a reversal's close and open are legs 0
    /// and 1 of one rule): with the version, symbol, bar time and rule, it names the order.
    public var leg = 0
    /// The decision with the values read at the signal bar.
    let order: PendingOrder

    init(_ order: PendingOrder, time: Int64) {
        self.order = order
        self.time = time
        bar = order.signalBar
        rule = order.rule
        switch order.kind {
        case .open(let long):
            action = .open
            self.long = long
        case .close(let long, _):
            action = .close
            self.long = long
        }
    }

    /// True when the order buys (a long entry or a short exit).
    public var buys: Bool { (action == .open) == long }
}
