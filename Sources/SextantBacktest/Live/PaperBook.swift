public import SextantCore

/// A simulated account with the backtest's fill model: the paper adapter's book, and what a live
/// strategy reads its position and account from. One per strategy and symbol.
public struct PaperBook: Sendable {
    var broker: Broker

    init(broker: Broker) {
        self.broker = broker
    }

    /// Free cash plus open trades marked at `price`.
    public func equity(at price: Double) -> Double { broker.markedEquity(at: price) }

    /// Signed units held.
    public var position: Double { broker.position }

    /// Closed trades, in exit order.
    public var closedTrades: [TradeRecord] { broker.closed }

    /// Orders refused or shrunk.
    public var rejections: [OrderRejection] { broker.rejections }

    /// Open trades as records, marked at `close`.
    public func openTrades(markedAt close: Double) -> [TradeRecord] { broker.openRecords(close: close) }

    /// Fills orders at `price` (closes first), as bar `bar` at `time`.
    public mutating func fill(_ intents: [OrderIntent], bar: Int, time: Int64, price: Double) {
        broker.fill(intents.map(\.order), bar: bar, time: time, price: price)
    }

    /// Runs the open trades' stops through a bar.
    public mutating func checkStops(bar: Int, bar values: Bar, atr: Double) {
        guard !broker.trades.isEmpty else { return }
        broker.checkStops(
            bar: bar, time: values.time, open: values.open, high: values.high, low: values.low, atr: atr)
    }
}
