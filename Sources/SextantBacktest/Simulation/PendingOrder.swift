/// An order decided at a bar's close that fills at the next bar's open.
struct PendingOrder {
    enum Kind {
        /// Close every open trade of a side.
        case close(long: Bool, reason: ExitReason)
        /// Open a trade.
        case open(long: Bool)
    }

    var kind: Kind
    /// The bar the decision was made on: sizing arguments, stop distances and limits are read there.
    var signalBar: Int
}
