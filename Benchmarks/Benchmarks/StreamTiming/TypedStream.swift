import IndicatorBenchSupport
import SextantCore
import SextantIndicators

/// A builtin's public typed stream from SextantIndicators, ready to time without the builtin interface:
/// the type and initializer arguments that the builtin's kernel (`Builtins/Kernels/*.swift`, its `stream:`
/// closure) uses, made from the same settings as the table path, and driven by the `TypedDrive` loop of its
/// shape.
///
/// `make(_:)` maps builtin names to streams by hand, mirroring the kernels; the checksum comparison in
/// `main.swift` catches a mapping that drifts from its kernel (other type, settings or inputs).
struct TypedStream {
    /// Times `runs` runs over the rows after one warm-up run, a fresh stream each run, folding every run's
    /// mix into the checksum; gives the best and median run in nanoseconds and the last run's mix.
    typealias Timer = (_ rows: InputRows, _ runs: Int, _ checksum: inout UInt64) -> (
        best: Double, median: Double, mix: UInt64
    )

    /// How many settings a builtin's typed stream takes, and the stream.
    private typealias Mapping = (settings: Int, stream: TypedStream)

    /// The stream's type, as printed (`SMAStream`).
    let typeName: String
    /// Whether it is a `BarStream`, whose loop reads all five fields of the bar rather than the table's
    /// columns (see `inputs(for:)`).
    let readsBarFields: Bool
    /// Times the stream.
    let time: Timer

    /// The columns the typed loop reads per bar: the table path's, except for a bar stream, which takes
    /// open, high, low, close and volume, NaN for a field the builtin does not read (as the builtin table
    /// passes it: the stream ignores it).
    func inputs(for streamCase: StreamCase) -> [InputSource] {
        guard readsBarFields else { return streamCase.inputs }
        return [BarField.open, .high, .low, .close, .volume].map { field in
            streamCase.inputs.contains(.field(field)) ? .field(field) : .constant(.nan)
        }
    }

    /// The typed stream of `streamCase`'s builtin with its settings, or why there is none.
    static func make(_ streamCase: StreamCase) -> Result<TypedStream, Skip> {
        let settings = streamCase.settings
        guard let mapped = mapping(streamCase.name, settings) else {
            return .failure(Skip(name: streamCase.name, reason: "no typed stream is mapped to this builtin"))
        }
        guard mapped.settings == settings.count else {
            return .failure(
                Skip(
                    name: streamCase.name,
                    reason: "its typed stream takes \(mapped.settings) settings, the table gives \(settings.count)"))
        }
        return .success(mapped.stream)
    }

    /// The number of settings the builtin's stream takes and the stream made from `settings` (read only
    /// when the stream is made, after `make` has checked the count); nil for a name without a mapping.
    private static func mapping(_ name: String, _ settings: [Double]) -> Mapping? {
        let length = { whole(settings[0]) }
        switch name {
        // Moving averages (BuiltinKernel+MovingAverages.swift).
        case "sma": return (1, series { SMAStream(length: length()) })
        case "ema": return (1, series { EMAStream(length: length()) })
        case "wma": return (1, series { WMAStream(length: length()) })
        case "dema": return (1, series { DEMAStream(length: length()) })
        case "tema": return (1, series { TEMAStream(length: length()) })
        case "trima": return (1, series { TRIMAStream(length: length()) })
        case "kama": return (1, series { KAMAStream(length: length()) })
        case "midpoint": return (1, series { MidPointStream(length: length()) })
        case "t3": return (2, series { T3Stream(length: length(), volumeFactor: settings[1]) })
        case "ht_trendline": return (0, series { HTTrendlineStream() })
        case "midprice": return (1, bar { MidPriceStream(length: length()) })
        // Momentum (BuiltinKernel+Momentum.swift).
        case "rsi": return (1, series { RSIStream(length: length()) })
        case "mom": return (1, series { MOMStream(length: length()) })
        case "roc": return (1, series { ROCStream(length: length()) })
        case "cmo": return (1, series { CMOStream(length: length()) })
        case "macd":
            return (
                3,
                series {
                    MACDStream(
                        fastLength: length(), slowLength: whole(settings[1]), signalLength: whole(settings[2]))
                }
            )
        case "ppo": return (2, series { PPOStream(fastLength: length(), slowLength: whole(settings[1])) })
        case "apo": return (2, series { APOStream(fastLength: length(), slowLength: whole(settings[1])) })
        case "stochrsi":
            return (
                3,
                series {
                    StochRSIStream(
                        length: length(), fastKLength: whole(settings[1]), fastDLength: whole(settings[2]))
                }
            )
        case "cci": return (1, bar { CCIStream(length: length()) })
        case "willr": return (1, bar { WillRStream(length: length()) })
        case "stoch":
            return (
                3,
                bar {
                    StochStream(
                        fastKLength: length(), slowKLength: whole(settings[1]), slowDLength: whole(settings[2]))
                }
            )
        case "stochf": return (2, bar { StochFStream(fastKLength: length(), fastDLength: whole(settings[1])) })
        case "ultosc":
            return (
                3,
                bar {
                    UltOscStream(
                        fastLength: length(), mediumLength: whole(settings[1]), slowLength: whole(settings[2]))
                }
            )
        case "bop": return (0, bar { BOPStream() })
        // Trend (BuiltinKernel+Trend.swift).
        case "sar": return (2, bar { SARStream(acceleration: settings[0], maximum: settings[1]) })
        case "adx": return (1, bar { ADXStream(length: length()) })
        case "adxr": return (1, bar { ADXRStream(length: length()) })
        case "plus_di": return (1, bar { PlusDIStream(length: length()) })
        case "minus_di": return (1, bar { MinusDIStream(length: length()) })
        case "aroon": return (1, bar { AroonStream(length: length()) })
        case "aroonosc": return (1, bar { AroonOscStream(length: length()) })
        // Volatility (BuiltinKernel+Volatility.swift): the bands are symmetric, `mult` is both deviations.
        case "bbands":
            return (
                2,
                series {
                    BBandsStream(length: length(), deviationsUp: settings[1], deviationsDown: settings[1])
                }
            )
        case "trange": return (0, bar { TRangeStream() })
        case "atr": return (1, bar { ATRStream(length: length()) })
        case "natr": return (1, bar { NATRStream(length: length()) })
        case "stddev": return (2, series { StdDevStream(length: length(), multiplier: settings[1]) })
        case "var": return (1, series { VarianceStream(length: length()) })
        // Volume (BuiltinKernel+Volume.swift).
        case "mfi": return (1, bar { MFIStream(length: length()) })
        case "obv": return (0, bar { OBVStream() })
        case "ad": return (0, bar { ADStream() })
        case "adosc": return (2, bar { ADOSCStream(fastLength: length(), slowLength: whole(settings[1])) })
        // Regression (BuiltinKernel+Regression.swift).
        case "linreg": return (1, series { LinearRegStream(length: length()) })
        case "linreg_slope": return (1, series { LinearRegSlopeStream(length: length()) })
        case "tsf": return (1, series { TSFStream(length: length()) })
        case "correl": return (1, pair { CorrelStream(length: length()) })
        case "beta": return (1, pair { BetaStream(length: length()) })
        default: return helperMapping(name, settings) ?? statisticsMapping(name, settings)
        }
    }

    /// `mapping` for the series helpers and elementwise math (BuiltinKernel+Helpers.swift, +Math.swift).
    private static func helperMapping(_ name: String, _ settings: [Double]) -> Mapping? {
        let length = { whole(settings[0]) }
        switch name {
        case "highest": return (1, series { HighestStream(length: length()) })
        case "lowest": return (1, series { LowestStream(length: length()) })
        case "sum": return (1, series { SumStream(length: length()) })
        case "change": return (1, series { ChangeStream(length: length()) })
        case "crosses_above": return (0, pair { CrossesAboveStream() })
        case "crosses_below": return (0, pair { CrossesBelowStream() })
        case "rising": return (1, series { RisingStream(length: length()) })
        case "falling": return (1, series { FallingStream(length: length()) })
        case "barssince": return (0, condition { BarsSinceStream() })
        case "valuewhen": return (1, conditional { ValueWhenStream(occurrence: length()) })
        // The kernel drives NZStream as a pair stream: the replacement is a column.
        case "nz": return (0, pair { NZStream() })
        case "abs": return (0, series { ElementwiseStream(.abs) })
        case "log": return (0, series { ElementwiseStream(.log) })
        case "exp": return (0, series { ElementwiseStream(.exp) })
        case "sqrt": return (0, series { ElementwiseStream(.sqrt) })
        case "round": return (1, series { ElementwiseStream(.round(digits: length())) })
        case "min": return (0, pair { ElementwisePairStream(.min) })
        case "max": return (0, pair { ElementwisePairStream(.max) })
        case "pow": return (0, pair { ElementwisePairStream(.pow) })
        case "clamp": return (0, triple { ElementwiseClampStream() })
        default: return nil
        }
    }

    /// `mapping` for the statistics and performance builtins (BuiltinKernel+Statistics.swift).
    private static func statisticsMapping(_ name: String, _ settings: [Double]) -> Mapping? {
        let length = { whole(settings[0]) }
        switch name {
        case "zscore": return (1, series { ZScoreStream(length: length()) })
        case "corr": return (1, pair { CorrStream(length: length()) })
        case "cov": return (1, pair { CovStream(length: length()) })
        case "sharpe": return (2, series { SharpeStream(length: length(), periods: settings[1]) })
        case "sortino": return (2, series { SortinoStream(length: length(), periods: settings[1]) })
        case "omega": return (2, series { OmegaStream(length: length(), threshold: settings[1]) })
        case "max_drawdown": return (1, series { MaxDrawdownStream(length: length()) })
        case "drawdown_duration": return (1, series { DrawdownDurationStream(length: length()) })
        case "calmar": return (2, series { CalmarStream(length: length(), periods: settings[1]) })
        case "half_life": return (1, series { HalfLifeStream(length: length()) })
        case "hurst": return (1, series { HurstStream(length: length()) })
        case "adf_stat": return (1, series { ADFStream(length: length(), field: .statistic) })
        case "adf_pvalue": return (1, series { ADFStream(length: length(), field: .pValue) })
        case "coint_pvalue": return (1, pair { CointStream(length: length()) })
        case "var_hist": return (2, series { VaRHistoricalStream(length: length(), confidence: settings[1]) })
        case "cvar_hist": return (2, series { CVaRHistoricalStream(length: length(), confidence: settings[1]) })
        case "var_param": return (2, series { VaRParametricStream(length: length(), confidence: settings[1]) })
        case "var_mc":
            return (
                4,
                series {
                    // The kernel's seed: a negative count (which the checker rejects) clamps to 0.
                    VaRMonteCarloStream(
                        length: length(), confidence: settings[1], paths: whole(settings[2]),
                        seed: UInt64(clamping: whole(settings[3])))
                }
            )
        default: return nil
        }
    }

    /// A length, count or digit setting as an `Int`, as `BuiltinKernel.whole` (internal to
    /// SextantIndicators) converts it: rounded, NaN as 0, clamped to ±10⁹.
    private static func whole(_ setting: Double) -> Int {
        guard !setting.isNaN else { return 0 }
        return Int(Swift.min(Swift.max(setting, -1e9), 1e9).rounded())
    }

    // MARK: One timer per shape

    /// A `SeriesStream`.
    private static func series<Stream: SeriesStream>(_ make: @escaping () -> Stream) -> TypedStream
    where Stream.Output: OutputBits {
        TypedStream(typeName: "\(Stream.self)", readsBarFields: false) { rows, runs, checksum in
            timing(runs, make, &checksum) { TypedDrive.series(&$0, rows) }
        }
    }

    /// A `PairStream`.
    private static func pair<Stream: PairStream>(_ make: @escaping () -> Stream) -> TypedStream
    where Stream.Output: OutputBits {
        TypedStream(typeName: "\(Stream.self)", readsBarFields: false) { rows, runs, checksum in
            timing(runs, make, &checksum) { TypedDrive.pair(&$0, rows) }
        }
    }

    /// A `TripleStream`.
    private static func triple<Stream: TripleStream>(_ make: @escaping () -> Stream) -> TypedStream
    where Stream.Output: OutputBits {
        TypedStream(typeName: "\(Stream.self)", readsBarFields: false) { rows, runs, checksum in
            timing(runs, make, &checksum) { TypedDrive.triple(&$0, rows) }
        }
    }

    /// A `BarStream`.
    private static func bar<Stream: BarStream>(_ make: @escaping () -> Stream) -> TypedStream
    where Stream.Output: OutputBits {
        TypedStream(typeName: "\(Stream.self)", readsBarFields: true) { rows, runs, checksum in
            timing(runs, make, &checksum) { TypedDrive.bar(&$0, rows) }
        }
    }

    /// A `ConditionStream`.
    private static func condition<Stream: ConditionStream>(_ make: @escaping () -> Stream) -> TypedStream
    where Stream.Output: OutputBits {
        TypedStream(typeName: "\(Stream.self)", readsBarFields: false) { rows, runs, checksum in
            timing(runs, make, &checksum) { TypedDrive.condition(&$0, rows) }
        }
    }

    /// A `ConditionalStream`.
    private static func conditional<Stream: ConditionalStream>(_ make: @escaping () -> Stream) -> TypedStream
    where Stream.Output: OutputBits {
        TypedStream(typeName: "\(Stream.self)", readsBarFields: false) { rows, runs, checksum in
            timing(runs, make, &checksum) { TypedDrive.conditional(&$0, rows) }
        }
    }

    /// `measure` with a fresh stream from `make` per run, driven by `drive`; every run's mix is folded into
    /// `checksum` as the table path folds its own.
    private static func timing<Stream>(
        _ runs: Int, _ make: () -> Stream, _ checksum: inout UInt64, _ drive: (inout Stream) -> UInt64
    ) -> (best: Double, median: Double, mix: UInt64) {
        var mix: UInt64 = 0
        let (best, median) = measure(runs: runs, make: make) { stream in
            mix = drive(&stream)
            // Rotate before folding: every run gives the same mix, and an even number of plain XORs would cancel.
            checksum = (checksum << 1 | checksum >> 63) ^ mix
        }
        return (best, median, mix)
    }
}
