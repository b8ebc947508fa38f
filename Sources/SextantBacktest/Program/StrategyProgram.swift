import SextantCore
import SextantGraph
import SextantIndicators
import SextantLanguage

/// A checked strategy compiled for one backtest: its graph evaluated over the bars, and every value
/// the simulation reads (signals, size, stops, limits) as a `BarInput`.
///
/// Everything `market` is computed column-wise in one batch evaluation; the state-stage rest of the graph
/// (what reads the position or the account) runs bar by bar in the `StateEvaluator`.
struct StrategyProgram {
    let state: StateEvaluator
    let entryLong: BarInput?
    let entryShort: BarInput?
    let exitLong: BarInput?
    let exitShort: BarInput?
    let sizing: Sizing
    let stopLoss: BarInput?
    let trailing: BarInput?
    let takeProfit: BarInput?
    let maxBars: BarInput?
    let maxPosition: BarInput?
    let maxDailyLoss: BarInput?
    let maxDrawdown: BarInput?
    let cooldown: BarInput?
    let maxTradesPerDay: BarInput?
    /// Bars before every numeric series the strategy reads has a value (Backtesting.py's indicator
    /// warm-up: buy & hold starts here, decisions one bar later).
    let indicatorWarmup: Int
    /// ATR(14) of the traded symbol, when slippage is a multiple of it.
    let atr: [Double]?

    /// Compiles the strategy for one param point, evaluates what the simulation reads, and runs `body`
    /// with the program. The program reads the evaluated columns in place: it is valid only in `body`.
    static func with<Result>(
        _ strategy: CheckedStrategy, params: [String: Double], data: MarketData, settings: BacktestSettings,
        _ body: (StrategyProgram) -> Result
    ) -> Result {
        let graph = Planner.plan(strategy, params: params)
        let outputs = Self.simulated(graph.outputs)
        let needed = Self.marketNodes(graph, outputs: Array(outputs.values))
        return BatchEvaluator.withColumns(of: needed, in: graph, data: data) { columns in
            body(
                StrategyProgram(
                    strategy: strategy, graph: graph, outputs: outputs, columns: columns, data: data, settings: settings
                ))
        }
    }

    /// The outputs the simulation reads (signals, size, stops, limits; not the `let`s), by name.
    static func simulated(_ outputs: [Graph.Output]) -> [String: NodeID] {
        Dictionary(
            outputs.filter { !$0.name.hasPrefix("let.") }.map { ($0.name, $0.node) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The market-stage nodes a simulation reads for `outputs`: the outputs themselves, the arguments of
    /// a sizing call, and the market inputs of the state-stage part.
    static func marketNodes(_ graph: Graph, outputs: [NodeID]) -> [NodeID] {
        var wanted = outputs
        for node in outputs where graph[node].stage == .state {
            if case .kernel = graph[node].operation { wanted += graph[node].inputs }
        }
        wanted += StateEvaluator.boundary(of: graph, roots: outputs)
        return Array(Set(wanted.filter { graph[$0].stage == .market })).sorted { $0.index < $1.index }
    }

    /// A program over an evaluated graph: `outputs` names the strategy's outputs (`entry.long`, `size`…)
    /// in `graph` (one point of a `SweepPlan`, or a single plan), `columns` holds `marketNodes`' columns
    /// (borrowed: the program must not outlive them).
    init(
        strategy: CheckedStrategy, graph: Graph, outputs: [String: NodeID],
        columns: [NodeID: UnsafeBufferPointer<Double>],
        data: MarketData, settings: BacktestSettings
    ) {
        var sizingNode: GraphNode?
        if let node = outputs["size"], case .kernel = graph[node].operation, graph[node].stage == .state,
            !graph[node].inputs.isEmpty
        {
            sizingNode = graph[node]
        }
        let state = StateEvaluator(graph, columns: columns, roots: Array(outputs.values))
        self.state = state

        func input(_ node: NodeID) -> BarInput {
            switch graph[node].stage {
            case .const, .param: BarInput(source: .constant(graph[node].constant ?? .nan))
            case .market: BarInput(source: columns[node].map { .column($0) } ?? .constant(.nan))
            case .state: BarInput(source: .state(node))
            }
        }
        func output(_ path: String) -> BarInput? { outputs[path].map(input) }
        /// A duration in bars: `5 bars` or `30` as written, `2d` converted with the strategy's timeframe.
        func bars(_ path: String) -> BarInput? {
            guard let value = output(path) else { return nil }
            guard let expr = strategy.section(path), case .duration(let amount, let unit) = expr.node,
                let seconds = unit.seconds
            else { return value }
            let timeframe = Double(strategy.document.timeframe?.value.seconds ?? 86_400)
            return BarInput(source: .constant((amount * seconds / timeframe).rounded(.up)))
        }

        entryLong = output("entry.long")
        entryShort = output("entry.short")
        exitLong = output("exit.long")
        exitShort = output("exit.short")
        stopLoss = output("stops.loss")
        trailing = output("stops.trailing")
        takeProfit = output("stops.take_profit")
        maxBars = bars("stops.max_bars")
        maxPosition = output("risk.max_position")
        maxDailyLoss = output("risk.max_daily_loss")
        maxDrawdown = output("risk.max_drawdown")
        cooldown = bars("risk.cooldown")
        maxTradesPerDay = output("risk.max_trades_per_day")

        let close = data.columns[nil]?[.close] ?? []
        if let node = sizingNode, case .kernel(let name, let settings) = node.operation {
            let arguments = node.inputs.map(input)
            func argument(_ index: Int) -> BarInput {
                index < arguments.count ? arguments[index] : BarInput(source: .constant(.nan))
            }
            switch name {
            case "units": sizing = .units(argument(0))
            case "cash_amount": sizing = .cashAmount(argument(0))
            case "percent_equity": sizing = .percentEquity(argument(0))
            case "risk_fraction": sizing = .riskFraction(fraction: argument(0), stop: argument(1))
            case "kelly": sizing = .kelly(winRate: argument(0), payoff: argument(1), scale: argument(2))
            case "vol_target":
                let length = settings.first?.value ?? 20
                let periods = settings.count > 1 ? settings[1].value : 252
                sizing = .volTarget(
                    target: argument(0), volatility: Self.volatility(close, length: length, periods: periods))
            default: sizing = .allIn
            }
        } else if let size = output("size") {
            sizing = .units(size)
        } else {
            sizing = .allIn
        }

        indicatorWarmup = Self.indicatorWarmup(graph, roots: Array(outputs.values))
        if case .atr = settings.slippage {
            let fields = data.columns[nil] ?? [:]
            atr = Self.run("atr", [fields[.high] ?? [], fields[.low] ?? [], close], settings: [14])
        } else {
            atr = nil
        }
    }

    /// The largest warm-up of the numeric market-stage series in the graph (conditions excluded: a
    /// crossover's extra bar is not an indicator's), as Backtesting.py's `_indicator_warmup_nbars`.
    static func indicatorWarmup(_ graph: Graph, roots: [NodeID]) -> Int {
        graph.cone(of: roots).map { graph[$0] }.filter { $0.stage == .market && !$0.type.isBoolean }
            .map(\.warmup).max() ?? 0
    }

    /// Annualized volatility of one-bar close returns: population stddev over `length` × √periods.
    static func volatility(_ close: [Double], length: Double, periods: Double) -> [Double] {
        var returns = [Double](repeating: .nan, count: close.count)
        for index in close.indices.dropFirst() { returns[index] = close[index] / close[index - 1] - 1 }
        let deviation = run("stddev", [returns], settings: [length, 1])
        return deviation.map { $0 * periods.squareRoot() }
    }

    /// Runs a builtin's batch kernel over whole columns.
    static func run(_ name: String, _ inputs: [[Double]], settings: [Double]) -> [Double] {
        let count = inputs.first?.count ?? 0
        guard let kernel = BuiltinTable.lookup(name)?.kernel, inputs.allSatisfy({ $0.count == count }) else {
            return [Double](repeating: .nan, count: count)
        }
        var output = [Double](repeating: .nan, count: count)
        func bind(_ index: Int, _ pointers: [UnsafeBufferPointer<Double>]) {
            if index == inputs.count {
                output.withUnsafeMutableBufferPointer { kernel.batch(pointers, settings, [$0]) }
                return
            }
            inputs[index].withUnsafeBufferPointer { bind(index + 1, pointers + [$0]) }
        }
        bind(0, [])
        return output
    }
}
