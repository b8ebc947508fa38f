/// An order decided at a bar's close: filled at the next bar's open, or at once with `fill: close`.
struct PendingOrder: Sendable {
    enum Kind: Sendable {
        /// Close every open trade of a side.
        case close(long: Bool, reason: ExitReason)
        /// Open a trade.
        case open(long: Bool)
    }

    var kind: Kind
    /// The bar the decision was made on.
    var signalBar: Int
    /// Values read at the signal bar.
    var parameters: OrderParameters

    var isClose: Bool {
        if case .close = kind { return true }
        return false
    }

    /// The rule the order comes from, for records and client order ids (`entry.long`, `exit.short`…).
    var rule: String {
        switch kind {
        case .open(let long): long ? "entry.long" : "entry.short"
        case .close(let long, let reason):
            switch reason {
            case .signal: long ? "exit.long" : "exit.short"
            case .reverse: long ? "entry.short" : "entry.long"
            case .maxBars: "stops.max_bars"
            case .stopLoss: "stops.loss"
            case .trailingStop: "stops.trailing"
            case .takeProfit: "stops.take_profit"
            case .risk: "risk.flatten"
            case .end: "end"
            }
        }
    }
}
