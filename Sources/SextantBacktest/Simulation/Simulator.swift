import SextantCore
import SextantGraph

/// The event loop of a backtest: one pass over the bars with Backtesting.py's order of events.
///
/// At each bar: orders decided at the previous close fill at this bar's open (closes first, then
/// entries sized from the cash the closes freed); open trades meet their stops within the bar; equity
/// is marked at the close; then, from the first decision bar on, the strategy decides on this bar's
/// close (`DecisionRules`). With `fill: close` the decisions fill at once at this close instead.
/// Nothing reads a later bar. The fills and the book are the `Broker`'s.
struct Simulator {
    let program: StrategyProgram
    let settings: BacktestSettings
    let time: [Int64]
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]

    var broker: Broker
    var equity: [Double]
    var pending: [PendingOrder] = []
    var warnings: [String] = []
    /// No decision before this bar (a walk-forward test window starts after its warm-up bars).
    var decisionsFrom = 0

    init(program: StrategyProgram, settings: BacktestSettings, data: MarketData) {
        self.program = program
        self.settings = settings
        time = data.time
        let fields = data.columns[nil] ?? [:]
        let empty = [Double](repeating: .nan, count: data.count)
        open = fields[.open] ?? empty
        high = fields[.high] ?? empty
        low = fields[.low] ?? empty
        close = fields[.close] ?? empty
        broker = Broker(
            settings: settings, sizing: program.sizing, dateOnly: data.time.allSatisfy { $0 % 86_400 == 0 })
        equity = HugePages.column(count: data.count, repeating: settings.cash)
    }

    /// The first bar the strategy decides on (Backtesting.py's `start`).
    var firstDecisionBar: Int { max(program.indicatorWarmup + 1, decisionsFrom) }

    mutating func run() {
        let count = time.count
        let start = firstDecisionBar
        let state = program.state.flatMap { $0.hasStateNodes ? $0 : nil }
        var atr = Double.nan
        for bar in 0..<count {
            if !pending.isEmpty {
                broker.fill(pending, bar: bar, time: time[bar], price: open[bar])
                pending.removeAll(keepingCapacity: true)
            }
            if !broker.trades.isEmpty {
                broker.checkStops(bar: bar, time: time[bar], open: open[bar], high: high[bar], low: low[bar], atr: atr)
            }
            let value = broker.mark(time: time[bar], close: close[bar])
            equity[bar] = value
            if value <= 0, bar >= start {
                broker.ruin(bar: bar, time: time[bar], close: close[bar])
                for index in bar..<count { equity[index] = 0 }
                warnings.append(
                    "equity fell to zero or below at bar \(bar) (\(broker.iso(time[bar]))): the run stopped there")
                return
            }
            if let state { state.step(bar: bar, state: broker.snapshot(bar: bar, close: close[bar], equity: value)) }
            atr = program.atr?.at(bar) ?? .nan
            guard bar >= start else { continue }
            let orders = DecisionRules.decide(
                at: bar, time: time[bar], equity: value, program: program, broker: &broker)
            if !orders.isEmpty {
                switch settings.fill {
                case .nextOpen: pending = orders
                case .close: broker.fill(orders, bar: bar, time: time[bar], price: close[bar])
                }
            }
            if !broker.trades.isEmpty, let trailing = program.trailing {
                broker.ratchetTrailingStops(close: close[bar], distance: trailing.at(bar))
            }
        }
        if !pending.isEmpty {
            warnings.append("\(pending.count) order(s) decided on the last bar were not filled (no next bar)")
            pending.removeAll()
        }
        if settings.closeAtEnd, let last = time.indices.last {
            broker.closeTrades(long: nil, price: close[last], bar: last, time: time[last], reason: .end, slippage: nil)
            equity[last] = broker.markedEquity(at: close[last])
        }
    }

    /// Trades open after the last bar, marked at its close.
    func openRecords() -> [TradeRecord] {
        guard let last = close.last else { return [] }
        return broker.openRecords(close: last)
    }
}
