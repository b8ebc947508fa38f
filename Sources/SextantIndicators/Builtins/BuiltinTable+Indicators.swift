import SextantCore

// The TA-Lib family. Warm-ups are TA-Lib's lookbacks (checked against TA-Lib 0.8.1 in the indicator
// tests); defaults follow TA-Lib except where analysts expect the conventional value (BBANDS 20).
extension BuiltinTable {
    static let movingAverages: [Builtin] = [
        Builtin(
            "sma", .movingAverages, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .sma, doc: "Simple moving average of the last `length` values."),
        Builtin(
            "ema", .movingAverages, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .ema,
            doc: "Exponential moving average, k = 2/(length+1), seeded with the SMA of the first `length` values."),
        Builtin(
            "wma", .movingAverages, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .wma, doc: "Linearly weighted moving average (newest weight `length`)."),
        Builtin(
            "dema", .movingAverages, [.source(), .length()], returns: .series,
            warmup: .times(2, .window("length")), kernel: .dema,
            doc: "Double exponential moving average, 2·EMA − EMA(EMA)."),
        Builtin(
            "tema", .movingAverages, [.source(), .length()], returns: .series,
            warmup: .times(3, .window("length")), kernel: .tema, doc: "Triple exponential moving average."),
        Builtin(
            "trima", .movingAverages, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .trima, doc: "Triangular moving average (an SMA of an SMA)."),
        // TA-Lib's KAMA takes lengths 2…100000. At length 1 the kernel copies its input with no warm-up
        // (TA_MA's convention for every average), which the rule `length` would overstate by one bar.
        Builtin(
            "kama", .movingAverages, [.source(), .length("length", 30, minimum: 2)], returns: .series,
            warmup: .parameter("length"), kernel: .kama, doc: "Kaufman adaptive moving average (fast 2, slow 30)."),
        Builtin(
            "t3", .movingAverages, [.source(), .length("length", 5), .setting("vfactor", 0.7)],
            returns: .series, warmup: .times(6, .window("length")),
            kernel: .t3, doc: "Tillson T3: six chained EMAs combined with volume factor `vfactor`."),
        Builtin(
            "ht_trendline", .movingAverages, [.source()], returns: .series, warmup: .constant(63),
            kernel: .htTrendline, doc: "Hilbert transform instantaneous trendline."),
        Builtin(
            "bbands", .volatility, [.source(), .length("length", 20), .setting("mult", 2)],
            returns: .record(["upper", "middle", "lower"]), warmup: .window("length"),
            kernel: .bbands, doc: "Bollinger bands: SMA ± `mult` population standard deviations."),
        Builtin(
            "midpoint", .movingAverages, [.source(), .length("length", 14)], returns: .series,
            warmup: .window("length"), kernel: .midpoint, doc: "(highest + lowest) / 2 of `source` over `length` bars."),
        Builtin(
            "midprice", .movingAverages, [.length("length", 14)], returns: .series, warmup: .window("length"),
            reads: .hl, kernel: .midprice, doc: "(highest high + lowest low) / 2 over `length` bars."),
        Builtin(
            "sar", .trend, [.setting("acceleration", 0.02), .setting("maximum", 0.2)], returns: .series,
            warmup: .constant(1), reads: .hl, kernel: .sar, doc: "Parabolic SAR."),
    ]

    static let momentum: [Builtin] = [
        Builtin(
            "rsi", .momentum, [.source(), .length("length", 14)], returns: .series, warmup: .parameter("length"),
            kernel: .rsi, doc: "Wilder's relative strength index, 0–100."),
        Builtin(
            "macd", .momentum, [.source(), .length("fast", 12), .length("slow", 26), .length("signal", 9)],
            returns: .record(["macd", "signal", "hist"]),
            warmup: .sum([.maximum([.window("fast"), .window("slow")]), .window("signal")]),
            kernel: .macd, doc: "MACD line (fast EMA − slow EMA), its signal EMA and the histogram."),
        Builtin(
            "ppo", .momentum, [.source(), .length("fast", 12), .length("slow", 26)], returns: .series,
            warmup: .maximum([.window("fast"), .window("slow")]), kernel: .ppo,
            doc: "Percentage price oscillator, 100·(fast EMA − slow EMA)/slow EMA."),
        Builtin(
            "apo", .momentum, [.source(), .length("fast", 12), .length("slow", 26)], returns: .series,
            warmup: .maximum([.window("fast"), .window("slow")]), kernel: .apo,
            doc: "Absolute price oscillator, fast EMA − slow EMA."),
        Builtin(
            "mom", .momentum, [.source(), .length("length", 10)], returns: .series, warmup: .parameter("length"),
            kernel: .mom, doc: "Momentum, source − source[length]."),
        Builtin(
            "roc", .momentum, [.source(), .length("length", 10)], returns: .series, warmup: .parameter("length"),
            kernel: .roc, doc: "Rate of change in percent, 100·(source/source[length] − 1)."),
        Builtin(
            "cmo", .momentum, [.source(), .length("length", 14)], returns: .series, warmup: .parameter("length"),
            kernel: .cmo, doc: "Chande momentum oscillator (Wilder-smoothed gains and losses), −100–100."),
        Builtin(
            "cci", .momentum, [.length("length", 14)], returns: .series, warmup: .window("length"), reads: .hlc,
            kernel: .cci, doc: "Commodity channel index of the typical price."),
        Builtin(
            "willr", .momentum, [.length("length", 14)], returns: .series, warmup: .window("length"),
            reads: .hlc, kernel: .willr, doc: "Williams %R, −100–0."),
        Builtin(
            "stoch", .momentum, [.length("fastk", 5), .length("slowk", 3), .length("slowd", 3)],
            returns: .record(["k", "d"]),
            warmup: .sum([.window("fastk"), .window("slowk"), .window("slowd")]), reads: .hlc,
            kernel: .stoch, doc: "Slow stochastic: %K smoothed by an SMA of `slowk`, %D an SMA of `slowd`."),
        Builtin(
            "stochf", .momentum, [.length("fastk", 5), .length("fastd", 3)], returns: .record(["k", "d"]),
            warmup: .sum([.window("fastk"), .window("fastd")]), reads: .hlc,
            kernel: .stochf, doc: "Fast stochastic: raw %K and its SMA %D."),
        Builtin(
            "stochrsi", .momentum,
            [.source(), .length("length", 14), .length("fastk", 5), .length("fastd", 3)],
            returns: .record(["k", "d"]),
            warmup: .sum([.parameter("length"), .window("fastk"), .window("fastd")]),
            kernel: .stochrsi, doc: "Fast stochastic of the RSI."),
        Builtin(
            "ultosc", .momentum, [.length("fast", 7), .length("medium", 14), .length("slow", 28)],
            returns: .series, warmup: .maximum([.parameter("fast"), .parameter("medium"), .parameter("slow")]),
            reads: .hlc, kernel: .ultosc, doc: "Ultimate oscillator over three windows, 0–100."),
        Builtin(
            "bop", .momentum, [], returns: .series, warmup: .constant(0), reads: [.open, .high, .low, .close],
            kernel: .bop, doc: "Balance of power, (close − open)/(high − low)."),
        Builtin(
            "mfi", .volume, [.length("length", 14)], returns: .series, warmup: .parameter("length"),
            reads: .hlcv, kernel: .mfi, doc: "Money flow index, 0–100."),
    ]

    static let volatility: [Builtin] = [
        Builtin(
            "trange", .volatility, [], returns: .series, warmup: .constant(1), reads: .hlc,
            kernel: .trange, doc: "True range, max(high − low, |high − prev close|, |low − prev close|)."),
        Builtin(
            "atr", .volatility, [.length("length", 14)], returns: .series, warmup: .parameter("length"),
            reads: .hlc, kernel: .atr, doc: "Average true range, Wilder-smoothed."),
        Builtin(
            "natr", .volatility, [.length("length", 14)], returns: .series, warmup: .parameter("length"),
            reads: .hlc, kernel: .natr, doc: "Normalized ATR, 100·ATR/close."),
        Builtin(
            "stddev", .volatility, [.source(), .length(), .setting("mult", 1)], returns: .series,
            warmup: .window("length"), kernel: .stddev,
            doc: "Population standard deviation over `length` bars, times `mult`."),
        Builtin(
            "var", .volatility, [.source(), .length()], returns: .series, warmup: .window("length"),
            kernel: .var, doc: "Population variance over `length` bars."),
    ]

    static let volume: [Builtin] = [
        Builtin(
            "obv", .volume, [], returns: .series, warmup: .constant(0), reads: [.close, .volume],
            kernel: .obv, doc: "On-balance volume, starting at the first bar's volume."),
        Builtin(
            "ad", .volume, [], returns: .series, warmup: .constant(0), reads: .hlcv,
            kernel: .ad, doc: "Chaikin accumulation/distribution line."),
        Builtin(
            "adosc", .volume, [.length("fast", 3), .length("slow", 10)], returns: .series,
            warmup: .maximum([.window("fast"), .window("slow")]), reads: .hlcv, kernel: .adosc,
            doc: "Chaikin oscillator, EMA(fast) − EMA(slow) of the A/D line."),
    ]

    static let trend: [Builtin] = [
        Builtin(
            "adx", .trend, [.length("length", 14)], returns: .series,
            warmup: .plus(.times(2, .parameter("length")), -1),
            reads: .hlc, kernel: .adx, doc: "Average directional index, 0–100."),
        Builtin(
            "adxr", .trend, [.length("length", 14)], returns: .series,
            warmup: .plus(.times(3, .parameter("length")), -2), reads: .hlc,
            kernel: .adxr, doc: "ADX rating, the mean of ADX now and `length − 1` bars ago."),
        Builtin(
            "plus_di", .trend, [.length("length", 14)], returns: .series, warmup: .parameter("length"),
            reads: .hlc, kernel: .plusDI, doc: "Plus directional indicator."),
        Builtin(
            "minus_di", .trend, [.length("length", 14)], returns: .series, warmup: .parameter("length"),
            reads: .hlc, kernel: .minusDI, doc: "Minus directional indicator."),
        Builtin(
            "aroon", .trend, [.length("length", 14)], returns: .record(["up", "down"]),
            warmup: .parameter("length"), reads: .hl, kernel: .aroon, doc: "Aroon up and down, 0–100."),
        Builtin(
            "aroonosc", .trend, [.length("length", 14)], returns: .series, warmup: .parameter("length"),
            reads: .hl, kernel: .aroonosc, doc: "Aroon oscillator, up − down."),
    ]

    static let regression: [Builtin] = [
        Builtin(
            "linreg", .regression, [.source(), .length("length", 14)], returns: .series,
            warmup: .window("length"), kernel: .linreg,
            doc: "Least-squares line over `length` bars, at the current bar."),
        Builtin(
            "linreg_slope", .regression, [.source(), .length("length", 14)], returns: .series,
            warmup: .window("length"), kernel: .linregSlope, doc: "Slope of the least-squares line over `length` bars."),
        Builtin(
            "tsf", .regression, [.source(), .length("length", 14)], returns: .series,
            warmup: .window("length"), kernel: .tsf, doc: "Time series forecast: the regression line one bar ahead."),
        Builtin(
            "correl", .regression, [.source("a"), .source("b"), .length("length", 30)], returns: .series,
            warmup: .window("length"), kernel: .correl, doc: "Pearson correlation of `a` and `b` over `length` bars."),
        Builtin(
            "beta", .regression, [.source("a"), .source("b"), .length("length", 5)], returns: .series,
            warmup: .parameter("length"),
            kernel: .beta, doc: "Slope of `b`'s one-bar returns on `a`'s over the last `length` returns (TA-Lib BETA)."),
    ]
}
