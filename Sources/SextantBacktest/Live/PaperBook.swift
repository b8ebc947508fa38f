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

    /// Free cash (margin not taken by open trades is part of it).
    public var cash: Double { broker.cash }

    /// Signed units held.
    public var position: Double { broker.position }

    /// How many trades are open and how many have closed (cheap: no records are built).
    public var tradeCounts: (open: Int, closed: Int) { (broker.trades.count, broker.closed.count) }

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

    /// Fills one order at `price`, as bar `bar` at `time`, and says what it did: the executions it made
    /// or the fill model's refusal. Filling a bar's orders one by one, closes first, is what
    /// `fill(_:bar:time:price:)` does, so the book ends the same either way.
    public mutating func fill(_ intent: OrderIntent, bar: Int, time: Int64, price: Double) -> PaperOrderOutcome {
        let closedBefore = broker.closed.count
        let openBefore = broker.trades.count
        let refusalsBefore = broker.rejections.count
        broker.fill(intent.order, bar: bar, time: time, price: price)
        var executions = exits(since: closedBefore)
        // An entry appends one trade; a close only removes trades.
        if intent.action == .open, broker.trades.count > openBefore, let trade = broker.trades.last {
            executions.append(
                PaperExecution(
                    units: trade.size, price: trade.entryPrice,
                    commission: broker.settings.commission.of(units: trade.size, price: trade.entryPrice),
                    exitReason: nil, entryBar: trade.entryBar))
        }
        let refused = broker.rejections.dropFirst(refusalsBefore).last { $0.action == .rejected }
        return PaperOrderOutcome(intent: intent, executions: executions, refusal: refused?.reason)
    }

    /// Runs the open trades' stops through a bar.
    public mutating func checkStops(bar: Int, bar values: Bar, atr: Double) {
        _ = stopExecutions(bar: bar, bar: values, atr: atr)
    }

    /// Runs the open trades' stops through a bar and returns the exits they made.
    public mutating func stopExecutions(bar: Int, bar values: Bar, atr: Double) -> [PaperExecution] {
        guard !broker.trades.isEmpty else { return [] }
        let closedBefore = broker.closed.count
        broker.checkStops(
            bar: bar, time: values.time, open: values.open, high: values.high, low: values.low, atr: atr)
        return exits(since: closedBefore)
    }

    /// The exits booked since the closed-trade count was `count`.
    private func exits(since count: Int) -> [PaperExecution] {
        broker.closed.dropFirst(count).map { trade in
            PaperExecution(
                units: -trade.size, price: trade.exitPrice,
                commission: broker.settings.commission.of(units: trade.size, price: trade.exitPrice),
                exitReason: trade.exitReason ?? .signal, entryBar: trade.entryBar)
        }
    }
}
