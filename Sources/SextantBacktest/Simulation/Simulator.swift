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
    /// Equity after each bar's close (empty until `run()`).
    var equity: [Double]
    /// `equity`'s storage while `run()` writes it.
    private var output = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
    /// Where `run()` writes the equity instead of a fresh column (`equity` then stays empty): one value
    /// per bar, the caller's to keep.
    var storage: UnsafeMutableBufferPointer<Double>?
    /// The signal bar after the one `markQuietBars` last returned (`Int.min`: none found yet).
    private var lookahead = Int.min
    /// Where the opens read ahead by `nextSignal` go, so that the reads are not optimized away.
    private var touched: UInt64 = 0
    var pending: [PendingOrder] = []
    var warnings: [String] = []
    /// No decision before this bar (a walk-forward test window starts after its warm-up bars).
    var decisionsFrom = 0
    /// Whether bars with nothing to do but the mark are marked in bulk when the program allows it
    /// (`quietSignals`); off, every bar is stepped (the definition the bulk path is tested against).
    var marksQuietBarsInBulk = true

    init(program: StrategyProgram, settings: BacktestSettings, data: MarketData) {
        self.program = program
        self.settings = settings
        time = data.time
        let fields = data.columns[nil] ?? [:]
        // A NaN column only for a missing field: a column of a million bars is 8 MB of fresh pages.
        var missing: [Double]?
        func column(_ field: BarField) -> [Double] {
            if let values = fields[field] { return values }
            let values = missing ?? [Double](repeating: .nan, count: data.count)
            missing = values
            return values
        }
        open = column(.open)
        high = column(.high)
        low = column(.low)
        close = column(.close)
        broker = Broker(
            settings: settings, sizing: program.sizing, dateOnly: data.time.allSatisfy { $0 % 86_400 == 0 })
        equity = []
    }

    /// The first bar the strategy decides on (Backtesting.py's `start`).
    var firstDecisionBar: Int { max(program.indicatorWarmup + 1, decisionsFrom) }

    /// Runs the bars and fills `equity`, written once per bar (a fresh column's pages are the costly
    /// part of writing it).
    mutating func run() {
        if let storage, storage.count == time.count {
            output = storage
            finishBars()
            output = UnsafeMutableBufferPointer(start: nil, count: 0)
            return
        }
        storage = nil
        equity = HugePages.column(count: time.count) { values in
            output = values
            defer { output = UnsafeMutableBufferPointer(start: nil, count: 0) }
            finishBars()
        }
    }

    /// `runBars()`, then what follows the last bar unless the run stopped at a ruin.
    private mutating func finishBars() {
        guard runBars() else { return }
        if !pending.isEmpty {
            warnings.append("\(pending.count) order(s) decided on the last bar were not filled (no next bar)")
            pending.removeAll()
        }
        if settings.closeAtEnd, let last = time.indices.last {
            broker.closeTrades(long: nil, price: close[last], bar: last, time: time[last], reason: .end, slippage: nil)
            output[last] = broker.markedEquity(at: close[last])
        }
    }

    /// Every bar in order, each written to `output` (by a step, a bulk mark, or the zeros after a ruin).
    /// False when the run stopped at a ruin.
    private mutating func runBars() -> Bool {
        let count = time.count
        let start = firstDecisionBar
        let state = program.state.flatMap { $0.hasStateNodes ? $0 : nil }
        let signals = marksQuietBarsInBulk ? quietSignals(state: state) : nil
        // A thirty-second of the way in, the trades so far project the run's: room for them then
        // saves the closed-trade list its doublings (a minute-bar run closes tens of thousands).
        var projection = count >= 4_096 ? count / 32 : count
        var bar = 0
        while bar < count {
            if let signals, pending.isEmpty {
                bar = markQuietBars(from: bar, start: start, signals: signals)
                guard bar < count else { break }
            }
            guard step(bar, start: start, state: state) else { return false }
            if bar >= projection {
                broker.reserveClosed(broker.closed.count * (count / (bar + 1)) * 5 / 4 + 16)
                projection = count
            }
            bar += 1
        }
        return true
    }

    /// One bar in Backtesting.py's order of events: fills, stops, the mark, then the decision. False when
    /// the equity fell to zero and the run stopped.
    private mutating func step(_ bar: Int, start: Int, state: StateEvaluator?) -> Bool {
        if !pending.isEmpty {
            broker.fill(pending, bar: bar, time: time[bar], price: open[bar])
            pending.removeAll(keepingCapacity: true)
        }
        // Until some trade has a stop the check does nothing: the bar's high and low, read nowhere
        // else, are not loaded.
        if !broker.trades.isEmpty, broker.stopsActive {
            // ATR slippage of a stop uses the latest ATR known before the bar.
            let atr = bar > 0 ? program.atr?.at(bar - 1) ?? .nan : .nan
            broker.checkStops(bar: bar, time: time[bar], open: open[bar], high: high[bar], low: low[bar], atr: atr)
        }
        let value = broker.mark(time: time[bar], close: close[bar])
        output[bar] = value
        if value <= 0, bar >= start {
            broker.ruin(bar: bar, time: time[bar], close: close[bar])
            for index in bar..<time.count { output[index] = 0 }
            warnings.append(
                "equity fell to zero or below at bar \(bar) (\(broker.iso(time[bar]))): the run stopped there")
            return false
        }
        if let state { state.step(bar: bar, state: broker.snapshot(bar: bar, close: close[bar], equity: value)) }
        guard bar >= start else { return true }
        // `pending` is empty here (filled above): the decisions go straight into it.
        DecisionRules.decide(
            at: bar, time: time[bar], equity: value, program: program, broker: &broker, into: &pending)
        if settings.fill == .close, !pending.isEmpty {
            broker.fill(pending, bar: bar, time: time[bar], price: close[bar])
            pending.removeAll(keepingCapacity: true)
        }
        if !broker.trades.isEmpty, let trailing = program.trailing {
            broker.ratchetTrailingStops(close: close[bar], distance: trailing.at(bar))
        }
        return true
    }

    // MARK: - Quiet bars

    /// The signal columns that make a bar worth a full `step`, when every other bar is quiet: no order
    /// to fill, no signal, hence (without stops, `max_bars` or state-stage expressions, which act on
    /// every bar) nothing but the mark. Nil when the program has something that acts on every bar.
    ///
    /// On a quiet bar `step` fills nothing, checks no stop (none is ever set), marks the book, and
    /// `DecisionRules.decide` returns no order and records nothing (every signal is false; risk limits
    /// are checked only for an entry). So such bars can be marked in bulk (`Broker.markQuiet`) and
    /// only the others stepped: the same bars get the same events, and most bars of a typical
    /// strategy (SmaCross acts on ~10 % of them) cost a few instructions.
    func quietSignals(state: StateEvaluator?) -> [UnsafePointer<Double>]? {
        guard state == nil, program.stopLoss == nil, program.trailing == nil, program.takeProfit == nil,
            program.maxBars == nil
        else { return nil }
        var columns: [UnsafePointer<Double>] = []
        for input in [program.entryLong, program.entryShort, program.exitLong, program.exitShort] {
            guard let input else { continue }
            switch input.source {
            case .constant(let value):
                // A signal that is always true makes every bar an event: nothing to skip.
                if value == 1 { return nil }
            case .column(let column):
                guard column.count >= time.count, let base = column.baseAddress else { return nil }
                columns.append(base)
            case .state, .live:
                return nil
            }
        }
        return columns
    }

    /// Marks the quiet bars from `bar` on in bulk and returns the first bar that needs a `step`: one
    /// where some signal is true (from `start` on), one where the equity falls to zero, or the end.
    private mutating func markQuietBars(from bar: Int, start: Int, signals: [UnsafePointer<Double>]) -> Int {
        let count = time.count
        // The signal bar after this one was found by the previous call, unless a step passed it.
        var next = lookahead >= max(bar, start) ? lookahead : nextSignal(from: max(bar, start), signals)
        if next < count {
            lookahead = nextSignal(from: next + 1, signals)
        } else {
            next = count
        }
        guard next > bar else { return bar }
        return time.withUnsafeBufferPointer { time in
            close.withUnsafeBufferPointer { close in
                broker.markQuiet(bar..<next, time: time, close: close, into: output, ruinFrom: start)
            }
        }
    }

    /// The first bar from `bar` on where some signal is 1 (the bar count when none is).
    ///
    /// The scan also reads each bar's open, the price a signal's orders fill at on the next bar. That
    /// column is read nowhere else: at every fill its load would miss the cache and stall the step for
    /// a memory round trip (a third of SmaCross's simulation time). Read as a stream alongside the
    /// signals, one signal ahead of the simulation, it is in cache when the fill comes.
    private mutating func nextSignal(from bar: Int, _ signals: [UnsafePointer<Double>]) -> Int {
        let count = time.count
        guard !signals.isEmpty else { return count }
        // Two columns (entries only, or exits only) or four, the missing ones repeating the first.
        let a = signals[0]
        let b = signals.count > 1 ? signals[1] : a
        var index = bar
        var bits: UInt64 = 0
        open.withUnsafeBufferPointer { open in
            time.withUnsafeBufferPointer { time in
                // The times too: the bulk mark of these bars reads them back from the last one on (for
                // the day bookkeeping), and would meet a cold line first.
                if signals.count <= 2 {
                    while index < count, a[index] != 1, b[index] != 1 {
                        bits ^= open[index].bitPattern ^ UInt64(bitPattern: time[index])
                        index += 1
                    }
                } else {
                    let c = signals[2]
                    let d = signals.count > 3 ? signals[3] : a
                    while index < count, a[index] != 1, b[index] != 1, c[index] != 1, d[index] != 1 {
                        bits ^= open[index].bitPattern ^ UInt64(bitPattern: time[index])
                        index += 1
                    }
                }
            }
        }
        touched ^= bits
        return index
    }

    /// Trades open after the last bar, marked at its close.
    func openRecords() -> [TradeRecord] {
        guard let last = close.last else { return [] }
        return broker.openRecords(close: last)
    }
}
