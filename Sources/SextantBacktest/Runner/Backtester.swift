import SextantCore
public import SextantGraph
public import SextantLanguage

/// Runs a checked strategy over market data: the library entry point of `sextant backtest`, `optimize`
/// and `test`.
///
/// ```swift
/// let result = Backtester.run(strategy, data: MarketData(series), settings: BacktestSettings(orders: strategy.document.orders))
/// print(result.stats.sharpe)
/// ```
public enum Backtester {
    /// Simulates `strategy` over `data` (its primary symbol, alias nil, is the one traded) with the
    /// param overrides `params` (unknown names are ignored; the runner checks them).
    public static func run(
        _ strategy: CheckedStrategy, data: MarketData, params: [String: Double] = [:], settings: BacktestSettings
    ) -> BacktestResult {
        let clock = ContinuousClock()
        let started = clock.now
        // The equity column is lent to the evaluation as its spare first: an intermediate column (an
        // indicator only a signal reads) goes there, and the equity is then written over it, on pages
        // already mapped, instead of into another column of fresh ones (a fresh page costs more than
        // the arithmetic of its bars). When the evaluation leaves a column in it, the simulation
        // writes a column of its own and the spare is dropped.
        var simulated: Simulator?
        var warmup = 0
        let equity = HugePages.lentColumn(count: data.count) { spare in
            StrategyProgram.with(strategy, params: params, data: data, settings: settings, spare: spare) {
                program, spare in
                var simulator = Simulator(program: program, settings: settings, data: data)
                simulator.storage = spare
                simulator.run()
                simulated = simulator
                warmup = program.indicatorWarmup
            }
            return simulated?.storage == nil ? 0 : data.count
        }
        var result: BacktestResult
        if var simulator = simulated {
            if simulator.storage != nil {
                simulator.storage = nil
                simulator.equity = equity
            }
            result = self.result(of: simulator, strategy, indicatorWarmup: warmup, data: data, params: params)
        } else {
            result = simulate(strategy, data: data, params: params, settings: settings)
        }
        let parts = (clock.now - started).components
        result.computeSeconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        return result
    }

    /// Simulates `strategy` on `data` without a spare column.
    private static func simulate(
        _ strategy: CheckedStrategy, data: MarketData, params: [String: Double], settings: BacktestSettings
    ) -> BacktestResult {
        StrategyProgram.with(strategy, params: params, data: data, settings: settings) { program in
            simulate(strategy, program: program, data: data, params: params, settings: settings)
        }
    }

    /// Simulates a compiled program (one point of a sweep, or a single plan). No decision is taken
    /// before `decisionsFrom`.
    static func simulate(
        _ strategy: CheckedStrategy, program: StrategyProgram, data: MarketData, params: [String: Double],
        settings: BacktestSettings, decisionsFrom: Int = 0
    ) -> BacktestResult {
        var simulator = Simulator(program: program, settings: settings, data: data)
        simulator.decisionsFrom = decisionsFrom
        simulator.run()
        return result(of: simulator, strategy, indicatorWarmup: program.indicatorWarmup, data: data, params: params)
    }

    /// The result of a finished simulation: its statistics, trades and equity. Reads nothing of the
    /// program's columns (they may be gone).
    static func result(
        of simulator: Simulator, _ strategy: CheckedStrategy, indicatorWarmup: Int, data: MarketData,
        params: [String: Double]
    ) -> BacktestResult {
        let settings = simulator.settings
        let stats = statistics(of: simulator, firstTradingBar: indicatorWarmup)
        var warnings = simulator.warnings
        if !simulator.broker.trades.isEmpty, !settings.closeAtEnd {
            warnings.append(
                "\(simulator.broker.trades.count) trade(s) still open at the end: marked at the last close in the equity, "
                    + "left out of the trade statistics (use --close-at-end to count them)")
        }
        let values = Planner.values(of: strategy, params)
        return BacktestResult(
            strategy: strategy.document.name.value, file: strategy.document.file.path,
            params: strategy.params.map { ($0.name, values[$0.name] ?? $0.value) }, settings: settings, stats: stats,
            trades: simulator.broker.closed, openTrades: simulator.openRecords(), time: data.time,
            equity: simulator.equity, rejections: simulator.broker.rejections,
            firstDecisionBar: simulator.firstDecisionBar,
            warnings: warnings)
    }

    static func statistics(of simulator: Simulator, firstTradingBar: Int) -> BacktestStats {
        var stats = StatsCalculator.compute(
            time: simulator.time, close: simulator.close, equity: simulator.equity, closed: simulator.broker.closed,
            firstTradingBar: firstTradingBar)
        stats.rejectedOrders = simulator.broker.rejections.count { $0.action == .rejected }
        stats.shrunkOrders = simulator.broker.rejections.count { $0.action == .shrunk }
        return stats
    }
}
