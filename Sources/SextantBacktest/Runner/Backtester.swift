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
        var result = StrategyProgram.with(strategy, params: params, data: data, settings: settings) { program in
            simulate(strategy, program: program, data: data, params: params, settings: settings)
        }
        let parts = (clock.now - started).components
        result.computeSeconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        return result
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
        let drawdowns = Drawdowns(equity: simulator.equity, time: data.time)
        let stats = statistics(of: simulator, program: program, drawdowns: drawdowns)
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

    static func statistics(of simulator: Simulator, program: StrategyProgram, drawdowns: Drawdowns) -> BacktestStats {
        var stats = StatsCalculator.compute(
            time: simulator.time, close: simulator.close, equity: simulator.equity, closed: simulator.broker.closed,
            firstTradingBar: program.indicatorWarmup, drawdowns: drawdowns)
        stats.rejectedOrders = simulator.broker.rejections.count { $0.action == .rejected }
        stats.shrunkOrders = simulator.broker.rejections.count { $0.action == .shrunk }
        return stats
    }
}
