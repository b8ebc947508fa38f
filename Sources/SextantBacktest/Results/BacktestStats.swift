/// The statistics of a run: Backtesting.py 0.6.6's set with its definitions (`docs/backtest.md`
/// lists each one, quirks included), plus the counts of refused and shrunk orders.
///
/// Percentages are in percent (`return_pct` 462.6 means +462.6%); durations in seconds; NaN where a
/// statistic is undefined (no trades, no losing trade…), written as `null` in JSON.
public struct BacktestStats: Sendable, Equatable {
    public var start = ""
    public var end = ""
    public var duration = Double.nan
    public var exposureTimePct = Double.nan
    public var equityFinal = Double.nan
    public var equityPeak = Double.nan
    public var commissions = 0.0
    public var returnPct = Double.nan
    public var buyHoldReturnPct = Double.nan
    public var returnAnnPct = Double.nan
    public var volatilityAnnPct = Double.nan
    public var cagrPct = Double.nan
    public var sharpe = Double.nan
    public var sortino = Double.nan
    public var calmar = Double.nan
    public var alphaPct = Double.nan
    public var beta = Double.nan
    public var maxDrawdownPct = Double.nan
    public var avgDrawdownPct = Double.nan
    public var maxDrawdownDuration = Double.nan
    public var avgDrawdownDuration = Double.nan
    public var trades = 0
    public var winRatePct = Double.nan
    public var bestTradePct = Double.nan
    public var worstTradePct = Double.nan
    public var avgTradePct = Double.nan
    public var maxTradeDuration = Double.nan
    public var avgTradeDuration = Double.nan
    public var profitFactor = Double.nan
    public var expectancyPct = Double.nan
    public var sqn = Double.nan
    public var kelly = Double.nan
    /// Entry orders refused (by sizing, cash or a risk limit).
    public var rejectedOrders = 0
    /// Entry orders filled with fewer units than asked.
    public var shrunkOrders = 0

    /// Creates empty statistics.
    public init() {}

    /// Every statistic in display order, with its stable JSON key and its label for people.
    public var entries: [(key: String, label: String, value: StatValue)] {
        [
            ("start", "Start", .time(start)),
            ("end", "End", .time(end)),
            ("duration", "Duration", .duration(duration)),
            ("exposure_time_pct", "Exposure Time [%]", .number(exposureTimePct)),
            ("equity_final", "Equity Final [$]", .number(equityFinal)),
            ("equity_peak", "Equity Peak [$]", .number(equityPeak)),
            ("commissions", "Commissions [$]", .number(commissions)),
            ("return_pct", "Return [%]", .number(returnPct)),
            ("buy_hold_return_pct", "Buy & Hold Return [%]", .number(buyHoldReturnPct)),
            ("return_ann_pct", "Return (Ann.) [%]", .number(returnAnnPct)),
            ("volatility_ann_pct", "Volatility (Ann.) [%]", .number(volatilityAnnPct)),
            ("cagr_pct", "CAGR [%]", .number(cagrPct)),
            ("sharpe", "Sharpe Ratio", .number(sharpe)),
            ("sortino", "Sortino Ratio", .number(sortino)),
            ("calmar", "Calmar Ratio", .number(calmar)),
            ("alpha_pct", "Alpha [%]", .number(alphaPct)),
            ("beta", "Beta", .number(beta)),
            ("max_drawdown_pct", "Max. Drawdown [%]", .number(maxDrawdownPct)),
            ("avg_drawdown_pct", "Avg. Drawdown [%]", .number(avgDrawdownPct)),
            ("max_drawdown_duration", "Max. Drawdown Duration", .duration(maxDrawdownDuration)),
            ("avg_drawdown_duration", "Avg. Drawdown Duration", .duration(avgDrawdownDuration)),
            ("trades", "# Trades", .count(trades)),
            ("win_rate_pct", "Win Rate [%]", .number(winRatePct)),
            ("best_trade_pct", "Best Trade [%]", .number(bestTradePct)),
            ("worst_trade_pct", "Worst Trade [%]", .number(worstTradePct)),
            ("avg_trade_pct", "Avg. Trade [%]", .number(avgTradePct)),
            ("max_trade_duration", "Max. Trade Duration", .duration(maxTradeDuration)),
            ("avg_trade_duration", "Avg. Trade Duration", .duration(avgTradeDuration)),
            ("profit_factor", "Profit Factor", .number(profitFactor)),
            ("expectancy_pct", "Expectancy [%]", .number(expectancyPct)),
            ("sqn", "SQN", .number(sqn)),
            ("kelly", "Kelly Criterion", .number(kelly)),
            ("rejected_orders", "Rejected Orders", .count(rejectedOrders)),
            ("shrunk_orders", "Shrunk Orders", .count(shrunkOrders)),
        ]
    }

    /// A statistic by its JSON key (`sharpe`, `max_drawdown_pct`…), as a number (durations in seconds).
    public func number(_ key: String) -> Double? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        switch entry.value {
        case .number(let value), .duration(let value): return value
        case .count(let value): return Double(value)
        case .time: return nil
        }
    }
}
