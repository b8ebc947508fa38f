import SextantCore
import SextantGraph
import SextantIndicators
import SextantLanguage

/// A checked strategy compiled for one run: every value the simulation reads (signals, size, stops,
/// limits) as a `BarInput` over the strategy's graph.
///
/// In a backtest everything `market` is computed column-wise in one batch evaluation and the
/// state-stage rest of the graph (what reads the position or the account) runs bar by bar in a
/// `StateEvaluator`; in the engine every value comes from a `StreamEvaluator` fed one bar at a time.
/// Either way the same graph and the same `DecisionRules` decide.
///
/// A class: the simulation hands it to `DecisionRules` on every decision bar, and a struct of this
/// many inputs (enums holding evaluator references) would be copied and retained field by field.
final class StrategyProgram {
    /// The backtest's evaluator of state-stage nodes (nil for a live program).
    let state: StateEvaluator?
    let entryLong: BarInput?
    let entryShort: BarInput?
    let exitLong: BarInput?
    let exitShort: BarInput?
    let sizing: Sizing
    /// The sizing call's arguments (for `vol_target`: target, then the volatility).
    let sizingArguments: [BarInput]
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
    let atr: BarInput?
    /// Whether an order reads anything at its signal bar (`parameters(at:)`).
    let readsOrderParameters: Bool

    /// The names of the expressions a run adds to the strategy's graph.
    static let volatilityOutput = "sextant.volatility"
    static let atrOutput = "sextant.atr"

    /// Compiles the strategy for one param point, evaluates what the simulation reads, and runs `body`
    /// with the program. The program reads the evaluated columns in place: it is valid only in `body`.
    static func with<Result>(
        _ strategy: CheckedStrategy, params: [String: Double], data: MarketData, settings: BacktestSettings,
        _ body: (StrategyProgram) -> Result
    ) -> Result {
        with(strategy, params: params, data: data, settings: settings, spare: nil) { program, _ in body(program) }
    }

    /// `with`, lending `spare` (at least `data.count` values) to the evaluation for its intermediate
    /// columns (`BatchEvaluator.withColumns(of:in:data:spare:_:)`); `body` gets it back when the
    /// evaluation left no column in it, nil otherwise.
    static func with<Result>(
        _ strategy: CheckedStrategy, params: [String: Double], data: MarketData, settings: BacktestSettings,
        spare: UnsafeMutableBufferPointer<Double>?,
        _ body: (StrategyProgram, UnsafeMutableBufferPointer<Double>?) -> Result
    ) -> Result {
        let graph = Planner.plan(strategy, params: params, extra: extraExpressions(strategy, settings))
        let outputs = Self.simulated(graph.outputs)
        let needed = Self.marketNodes(graph, outputs: Array(outputs.values))
        return BatchEvaluator.withColumns(of: needed, in: graph, data: data, spare: spare) { columns in
            body(StrategyProgram(strategy: strategy, graph: graph, outputs: outputs, columns: columns), columns.spare)
        }
    }

    /// The expressions a run needs besides the strategy's own: the annualized volatility of
    /// `vol_target` (`stddev(close / close[1] − 1, length) · √periods`) and ATR(14) for ATR slippage.
    /// Built as checked trees over the strategy's own arguments, so a param length stays a param.
    static func extraExpressions(_ strategy: CheckedStrategy, _ settings: BacktestSettings) -> [(
        name: String, expr: CheckedExpr
    )] {
        var extra: [(name: String, expr: CheckedExpr)] = []
        if let size = strategy.section("size"), case .call(let builtin, let arguments) = size.node,
            builtin.name == "vol_target", arguments.count == 3,
            let stddev = BuiltinTable.lookup("stddev"), let sqrt = BuiltinTable.lookup("sqrt")
        {
            let span = size.span
            func number(_ value: Double) -> CheckedExpr {
                CheckedExpr(.number(value), type: .number, stage: .const, span: span)
            }
            func series(_ node: CheckedExpr.Node) -> CheckedExpr {
                CheckedExpr(node, type: .numberSeries, stage: .market, span: span)
            }
            let close = series(.bar(.close, alias: nil))
            let returns = series(
                .binary(.subtract, series(.binary(.divide, close, series(.history(close, number(1))))), number(1)))
            let deviation = series(.call(stddev, [returns, arguments[1], number(1)]))
            let scale = CheckedExpr(.call(sqrt, [arguments[2]]), type: .number, stage: .const, span: span)
            extra.append((volatilityOutput, series(.binary(.multiply, deviation, scale))))
        }
        if case .atr = settings.slippage, let atr = BuiltinTable.lookup("atr") {
            let span = strategy.document.name.span
            extra.append(
                (
                    atrOutput,
                    CheckedExpr(
                        .call(atr, [CheckedExpr(.number(14), type: .number, stage: .const, span: span)]),
                        type: .numberSeries, stage: .market, span: span)
                ))
        }
        return extra
    }

    /// The outputs the simulation reads (signals, size, stops, limits, the run's extra expressions;
    /// not the `let`s), by name.
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

    /// A backtest program over an evaluated graph: `outputs` names the strategy's outputs (`entry.long`,
    /// `size`…) in `graph` (one point of a `SweepPlan`, or a single plan), `columns` holds
    /// `marketNodes`' columns (borrowed: the program must not outlive them).
    convenience init(
        strategy: CheckedStrategy, graph: Graph, outputs: [String: NodeID],
        columns: NodeColumns
    ) {
        let state = StateEvaluator(graph, columns: columns, roots: Array(outputs.values))
        self.init(strategy: strategy, graph: graph, outputs: outputs, state: state) { node in
            switch graph[node].stage {
            case .const, .param: BarInput(source: .constant(graph[node].constant ?? .nan))
            case .market: columns[node].map { BarInput(source: .column($0)) } ?? .missing
            case .state: BarInput(source: .state(state, node))
            }
        }
    }

    /// A live program: every value is read from `evaluator` after its latest update.
    convenience init(strategy: CheckedStrategy, evaluator: StreamEvaluator) {
        let graph = evaluator.graph
        self.init(strategy: strategy, graph: graph, outputs: Self.simulated(graph.outputs), state: nil) { node in
            graph[node].constant.map { BarInput(source: .constant($0)) } ?? BarInput(source: .live(evaluator, node))
        }
    }

    private init(
        strategy: CheckedStrategy, graph: Graph, outputs: [String: NodeID], state: StateEvaluator?,
        input: (NodeID) -> BarInput
    ) {
        self.state = state
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
        atr = output(Self.atrOutput)

        if let node = outputs["size"], case .kernel(let name, _) = graph[node].operation, graph[node].stage == .state,
            !graph[node].inputs.isEmpty
        {
            let arguments = graph[node].inputs.map(input)
            switch name {
            case "units": (sizing, sizingArguments) = (.units, arguments)
            case "cash_amount": (sizing, sizingArguments) = (.cashAmount, arguments)
            case "percent_equity": (sizing, sizingArguments) = (.percentEquity, arguments)
            case "risk_fraction": (sizing, sizingArguments) = (.riskFraction, arguments)
            case "kelly": (sizing, sizingArguments) = (.kelly, arguments)
            case "vol_target":
                (sizing, sizingArguments) = (
                    .volTarget, [arguments.first ?? .missing, output(Self.volatilityOutput) ?? .missing]
                )
            default: (sizing, sizingArguments) = (.allIn, [])
            }
        } else if let size = output("size") {
            (sizing, sizingArguments) = (.units, [size])
        } else {
            (sizing, sizingArguments) = (.allIn, [])
        }
        readsOrderParameters =
            !sizingArguments.isEmpty || stopLoss != nil || trailing != nil || takeProfit != nil || maxPosition != nil
            || atr != nil
        // The run's own expressions (volatility, ATR slippage) are not the strategy's indicators: they
        // must not move its first decision.
        indicatorWarmup = Self.indicatorWarmup(
            graph, roots: outputs.filter { !$0.key.hasPrefix("sextant.") }.map(\.value))
    }

    /// What an order decided at `bar` carries to its fill.
    func parameters(at bar: Int) -> OrderParameters {
        // All-in sizing with no stop, limit or ATR: every parameter is NaN, as the defaults are.
        guard readsOrderParameters else { return OrderParameters() }
        func argument(_ index: Int) -> Double { index < sizingArguments.count ? sizingArguments[index].at(bar) : .nan }
        var parameters = OrderParameters()
        parameters.sizing = (argument(0), argument(1), argument(2))
        parameters.stopLoss = stopLoss?.at(bar) ?? .nan
        parameters.trailing = trailing?.at(bar) ?? .nan
        parameters.takeProfit = takeProfit?.at(bar) ?? .nan
        parameters.maxPosition = maxPosition?.at(bar) ?? .nan
        parameters.atr = atr?.at(bar) ?? .nan
        return parameters
    }

    /// The largest warm-up of the numeric market-stage series in the graph (conditions excluded: a
    /// crossover's extra bar is not an indicator's), as Backtesting.py's `_indicator_warmup_nbars`.
    static func indicatorWarmup(_ graph: Graph, roots: [NodeID]) -> Int {
        graph.cone(of: roots).map { graph[$0] }.filter { $0.stage == .market && !$0.type.isBoolean }
            .map(\.warmup).max() ?? 0
    }
}
