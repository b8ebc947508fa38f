// The statistics and performance builtins' kernels: each pairs the batch kernel in `Statistics/` with
// its bit-identical streaming twin in `Streaming/Statistics/`. Settings follow the table entry's
// setting parameters in order (`length` first).
extension BuiltinKernel {
    // MARK: Descriptive

    /// `zscore(source, length)`.
    static let zscore = windowed(ZScore.zscore(_:length:into:), ZScoreStream.init(length:))

    /// `corr(a, b, length)`.
    static let corr = pair(settings: 1) { inputs, settings, outputs in
        Corr.corr(inputs[0], inputs[1], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        CorrStream(length: whole(settings[0]))
    }

    /// `cov(a, b, length)`.
    static let cov = pair(settings: 1) { inputs, settings, outputs in
        Cov.cov(inputs[0], inputs[1], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        CovStream(length: whole(settings[0]))
    }

    // MARK: Performance

    /// `sharpe(returns, length, periods)`.
    static let sharpe = series(settings: 2) { inputs, settings, outputs in
        Sharpe.sharpe(inputs[0], length: whole(settings[0]), periods: settings[1], into: outputs[0])
    } stream: { settings in
        SharpeStream(length: whole(settings[0]), periods: settings[1])
    }

    /// `sortino(returns, length, periods)`.
    static let sortino = series(settings: 2) { inputs, settings, outputs in
        Sortino.sortino(inputs[0], length: whole(settings[0]), periods: settings[1], into: outputs[0])
    } stream: { settings in
        SortinoStream(length: whole(settings[0]), periods: settings[1])
    }

    /// `omega(returns, length, threshold)`.
    static let omega = series(settings: 2) { inputs, settings, outputs in
        Omega.omega(inputs[0], length: whole(settings[0]), threshold: settings[1], into: outputs[0])
    } stream: { settings in
        OmegaStream(length: whole(settings[0]), threshold: settings[1])
    }

    /// `max_drawdown(source, length)`.
    static let maxDrawdown = windowed(MaxDrawdown.maxDrawdown(_:length:into:), MaxDrawdownStream.init(length:))

    /// `drawdown_duration(source, length)`.
    static let drawdownDuration = windowed(
        DrawdownDuration.drawdownDuration(_:length:into:), DrawdownDurationStream.init(length:))

    /// `calmar(returns, length, periods)`.
    static let calmar = series(settings: 2) { inputs, settings, outputs in
        Calmar.calmar(inputs[0], length: whole(settings[0]), periods: settings[1], into: outputs[0])
    } stream: { settings in
        CalmarStream(length: whole(settings[0]), periods: settings[1])
    }
}

// MARK: Mean reversion and unit roots

extension BuiltinKernel {
    /// `half_life(source, length)`.
    static let halfLife = windowed(HalfLife.halfLife(_:length:into:), HalfLifeStream.init(length:))

    /// `hurst(source, length)`.
    static let hurst = windowed(Hurst.hurst(_:length:into:), HurstStream.init(length:))

    /// `adf_stat(source, length)`: the statistic column of `ADF.adf`.
    static let adfStat = series(settings: 1) { inputs, settings, outputs in
        adf(inputs[0], length: whole(settings[0]), into: outputs[0], field: .statistic)
    } stream: { settings in
        ADFStream(length: whole(settings[0]), field: .statistic)
    }

    /// `adf_pvalue(source, length)`: the p-value column of `ADF.adf`.
    static let adfPValue = series(settings: 1) { inputs, settings, outputs in
        adf(inputs[0], length: whole(settings[0]), into: outputs[0], field: .pValue)
    } stream: { settings in
        ADFStream(length: whole(settings[0]), field: .pValue)
    }

    /// `coint_pvalue(a, b, length)`: the p-value column of `Coint.coint`.
    static let cointPValue = pair(settings: 1) { inputs, settings, outputs in
        // The batch kernel writes three columns; the builtin keeps one, the others are scratch.
        var statistic = [Double](repeating: .nan, count: outputs[0].count)
        var lag = statistic
        statistic.withUnsafeMutableBufferPointer { statistic in
            lag.withUnsafeMutableBufferPointer { lag in
                Coint.coint(
                    inputs[0], inputs[1], length: whole(settings[0]), statistic: statistic, pValue: outputs[0],
                    lag: lag)
            }
        }
    } stream: { settings in
        CointStream(length: whole(settings[0]))
    }

    /// Runs `ADF.adf` and keeps the `field` column in `output`.
    private static func adf(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>,
        field: ADFStream.Field
    ) {
        // The batch kernel writes three columns; the builtin keeps one, the others are scratch.
        var first = [Double](repeating: .nan, count: output.count)
        var second = first
        first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { lag in
                switch field {
                case .statistic: ADF.adf(input, length: length, statistic: output, pValue: first, lag: lag)
                case .pValue: ADF.adf(input, length: length, statistic: first, pValue: output, lag: lag)
                }
            }
        }
    }
}

// MARK: Risk

extension BuiltinKernel {
    /// `var_hist(returns, length, confidence)`.
    static let varHist = series(settings: 2) { inputs, settings, outputs in
        VaRHistorical.valueAtRisk(inputs[0], length: whole(settings[0]), confidence: settings[1], into: outputs[0])
    } stream: { settings in
        VaRHistoricalStream(length: whole(settings[0]), confidence: settings[1])
    }

    /// `cvar_hist(returns, length, confidence)`.
    static let cvarHist = series(settings: 2) { inputs, settings, outputs in
        CVaRHistorical.expectedShortfall(
            inputs[0], length: whole(settings[0]), confidence: settings[1], into: outputs[0])
    } stream: { settings in
        CVaRHistoricalStream(length: whole(settings[0]), confidence: settings[1])
    }

    /// `var_param(returns, length, confidence)`.
    static let varParam = series(settings: 2) { inputs, settings, outputs in
        VaRParametric.valueAtRisk(inputs[0], length: whole(settings[0]), confidence: settings[1], into: outputs[0])
    } stream: { settings in
        VaRParametricStream(length: whole(settings[0]), confidence: settings[1])
    }

    /// `var_mc(returns, length, confidence, paths, seed)`: `paths` and `seed` are counts.
    static let varMC = series(settings: 4) { inputs, settings, outputs in
        VaRMonteCarlo.valueAtRisk(
            inputs[0], length: whole(settings[0]), confidence: settings[1], paths: whole(settings[2]),
            seed: seed(settings[3]), into: outputs[0])
    } stream: { settings in
        VaRMonteCarloStream(
            length: whole(settings[0]), confidence: settings[1], paths: whole(settings[2]), seed: seed(settings[3]))
    }

    /// A `seed` setting as the generator's seed; a negative count (which the checker rejects) clamps to 0.
    private static func seed(_ setting: Double) -> UInt64 { UInt64(clamping: whole(setting)) }
}
