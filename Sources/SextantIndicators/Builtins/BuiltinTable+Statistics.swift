import SextantCore

// Rolling statistics. Every window looks only backwards: the value at bar i uses bars i−length+1…i.
// The ADF family follows statsmodels' `adfuller` defaults (constant term, lag by AIC up to
// 12·(n/100)^¼); `coint_pvalue` is the Engle–Granger test of statsmodels' `coint`.
//
// A length below the kernel's shortest window with a value is a checker error (E0403), not a column of
// NaN: each such `length` carries its minimum, taken from the kernel's own constant.
extension BuiltinTable {
    /// The shortest window of the sample statistics (ddof = 1: one value has no spread).
    static let sample = 2

    static let statistics: [Builtin] = [
        Builtin(
            "zscore", .statistics, [.source(), .length(minimum: sample)], returns: .series, warmup: .window("length"),
            kernel: .zscore, doc: "(source − mean)/stddev over `length` bars (sample standard deviation)."),
        Builtin(
            "corr", .statistics, [.source("a"), .source("b"), .length(minimum: sample)], returns: .series,
            warmup: .window("length"), kernel: .corr, doc: "Rolling Pearson correlation of `a` and `b`."),
        Builtin(
            "cov", .statistics, [.source("a"), .source("b"), .length(minimum: sample)], returns: .series,
            warmup: .window("length"), kernel: .cov, doc: "Rolling sample covariance of `a` and `b`."),
        Builtin(
            "adf_stat", .statistics, [.source(), .length(minimum: ADF.minimumLength)], returns: .series,
            warmup: .window("length"),
            kernel: .adfStat,
            doc: "Augmented Dickey–Fuller statistic of the last `length` values (constant, lag by AIC)."),
        Builtin(
            "adf_pvalue", .statistics, [.source(), .length(minimum: ADF.minimumLength)], returns: .series,
            warmup: .window("length"),
            kernel: .adfPValue, doc: "MacKinnon p-value of the ADF statistic of the last `length` values."),
        Builtin(
            "coint_pvalue", .statistics,
            [.source("a"), .source("b"), .length(minimum: Coint.minimumRollingLength)], returns: .series,
            warmup: .window("length"), kernel: .cointPValue,
            doc: "Engle–Granger cointegration p-value of `a` on `b` over `length` bars."),
        Builtin(
            "hurst", .statistics, [.source(), .length(minimum: Hurst.minimumLength)], returns: .series,
            warmup: .window("length"),
            kernel: .hurst, doc: "Hurst exponent of the last `length` values (rescaled range)."),
        Builtin(
            "half_life", .statistics, [.source(), .length(minimum: HalfLife.minimumLength)], returns: .series,
            warmup: .window("length"),
            kernel: .halfLife,
            doc: "Ornstein–Uhlenbeck mean-reversion half-life in bars, from an AR(1) fit of the window."),
        Builtin(
            "var_hist", .statistics, [.source("returns"), .length(), .setting("confidence", 0.95)],
            returns: .series, warmup: .window("length"),
            kernel: .varHist, doc: "Historical value at risk of `returns` (a positive loss fraction) at `confidence`."),
        Builtin(
            "cvar_hist", .statistics, [.source("returns"), .length(), .setting("confidence", 0.95)],
            returns: .series, warmup: .window("length"),
            kernel: .cvarHist, doc: "Historical conditional VaR (expected shortfall) of `returns` at `confidence`."),
        Builtin(
            "var_param", .statistics, [.source("returns"), .length(minimum: sample), .setting("confidence", 0.95)],
            returns: .series, warmup: .window("length"), kernel: .varParam,
            doc: "Parametric (normal) value at risk of `returns`."),
        Builtin(
            "var_mc", .statistics,
            [
                .source("returns"), .length(minimum: sample), .setting("confidence", 0.95),
                .init("paths", .count, default: 10000),
                .init("seed", .count, default: 1),
            ],
            returns: .series, warmup: .window("length"),
            kernel: .varMC, doc: "Monte Carlo value at risk of `returns` (normal fit, seeded, `paths` draws)."),
    ]

    static let performance: [Builtin] = [
        Builtin(
            "sharpe", .performance, [.source("returns"), .length(minimum: sample), .setting("periods", 252)],
            returns: .series, warmup: .window("length"),
            kernel: .sharpe, doc: "Annualized Sharpe ratio of per-bar `returns` over `length` bars (risk-free 0)."),
        Builtin(
            "sortino", .performance, [.source("returns"), .length(), .setting("periods", 252)],
            returns: .series, warmup: .window("length"), kernel: .sortino,
            doc: "Annualized Sortino ratio of per-bar `returns`."),
        Builtin(
            "omega", .performance, [.source("returns"), .length(), .setting("threshold", 0)],
            returns: .series, warmup: .window("length"), kernel: .omega,
            doc: "Omega ratio of `returns` above `threshold`."),
        Builtin(
            "calmar", .performance, [.source("returns"), .length(), .setting("periods", 252)],
            returns: .series, warmup: .window("length"),
            kernel: .calmar, doc: "Annualized return over the maximum drawdown of `returns` in the window."),
        Builtin(
            "max_drawdown", .performance, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .maxDrawdown, doc: "Largest peak-to-trough fall of `source` in the window, as a positive fraction."),
        Builtin(
            "drawdown_duration", .performance, [.source(), .length()], returns: .series,
            warmup: .window("length"), kernel: .drawdownDuration,
            doc: "Longest stretch of bars below a previous peak in the window."),
    ]

    static let sizing: [Builtin] = [
        Builtin(
            "units", .sizing, [.value("count")], returns: .size, warmup: .constant(0), context: .sizing,
            kernel: nil, doc: "A fixed number of units."),
        Builtin(
            "cash_amount", .sizing, [.value("amount")], returns: .size, warmup: .constant(0), context: .sizing,
            kernel: nil, doc: "As many whole units as `amount` of cash buys at the fill price."),
        Builtin(
            "percent_equity", .sizing, [.value("fraction")], returns: .size, warmup: .constant(0),
            context: .sizing, kernel: nil, doc: "Units worth `fraction` of equity (`percent_equity(10%)`)."),
        Builtin(
            "risk_fraction", .sizing, [.value("fraction"), .value("stop")], returns: .size,
            warmup: .constant(0), context: .sizing,
            kernel: nil, doc: "Units such that a move of `stop` (a price distance) loses `fraction` of equity."),
        Builtin(
            "kelly", .sizing, [.value("win_rate"), .value("payoff"), .value("scale", 1)], returns: .size,
            warmup: .constant(0), context: .sizing,
            kernel: nil, doc: "Kelly fraction W − (1 − W)/payoff of equity, times `scale` (0.5 = half Kelly)."),
        Builtin(
            "vol_target", .sizing, [.value("target"), .length("length", 20), .setting("periods", 252)],
            returns: .size, warmup: .parameter("length"), reads: [.close], context: .sizing,
            kernel: nil,
            doc: "Units whose annualized volatility (stddev of close returns over `length`) is `target` of equity."),
    ]
}
