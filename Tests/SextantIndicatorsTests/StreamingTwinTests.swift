import SextantIndicators
import Testing

/// The streaming twins against their batch kernels: fed one bar at a time, every stream must give the
/// batch kernel's bit pattern on every bar (NaN counting as equal to NaN), on GOOG and on seeded random
/// series with NaN runs and constant stretches, for several settings of each kernel.
@Suite("Streaming twins")
struct StreamingTwinTests {
    /// One kernel at one setting: how to compute its columns in batch and by streaming.
    struct Case: Sendable, CustomTestStringConvertible {
        /// The batch kernel's type name (`SMA`, `Elementwise`, …), matched against `Kernels/` by the
        /// coverage test.
        let kernel: String
        /// The settings, for messages.
        let setting: String
        /// The batch kernel's lookback at this setting, and the stream's.
        let batchLookback: Int
        let streamLookback: Int
        /// The output columns computed by the batch kernel.
        let batch: @Sendable (StreamingInputs) -> [[Double]]
        /// The same columns computed bar by bar.
        let stream: @Sendable (StreamingInputs) -> [[Double]]
        var testDescription: String { "\(kernel)(\(setting))" }
    }

    /// Every case: indicators here, helpers and math in `StreamingHelperTwinTests`.
    static let cases: [Case] = indicatorCases + StreamingHelperTwinTests.cases

    @Test("stream == batch, bit for bit, on every bar", arguments: cases)
    func bitIdentical(_ testCase: Case) {
        #expect(
            testCase.streamLookback == testCase.batchLookback, "\(testCase.testDescription): lookback")
        for data in StreamingInputs.all {
            let expected = testCase.batch(data)
            let actual = testCase.stream(data)
            #expect(actual.count == expected.count, "\(testCase.testDescription) on \(data.name): column count")
            for (column, (streamed, batched)) in zip(actual, expected).enumerated() {
                let mismatch = zip(streamed, batched).enumerated().first { !StreamingDriver.same($1.0, $1.1) }
                #expect(
                    mismatch == nil,
                    """
                    \(testCase.testDescription) on \(data.name), column \(column): bar \(mismatch?.offset ?? -1) \
                    streams \(mismatch?.element.0 ?? 0) but the batch kernel gives \(mismatch?.element.1 ?? 0)
                    """)
            }
        }
    }

    @Test("on a clean run the first value is at the lookback", arguments: cases)
    func lookbackMatchesWarmup(_ testCase: Case) {
        let data = StreamingInputs.goog()
        // Conditions have no NaN warm-up, and invalid settings give no value at all.
        guard let column = testCase.stream(data).first, column.contains(where: \.isNaN),
            let firstValid = column.firstIndex(where: { !$0.isNaN })
        else { return }
        if ["BarsSince", "ValueWhen"].contains(testCase.kernel) {
            // Their first value depends on the condition; the lookback only promises "not before".
            #expect(firstValid >= testCase.streamLookback, "\(testCase.testDescription)")
        } else {
            #expect(firstValid == testCase.streamLookback, "\(testCase.testDescription)")
        }
    }

    // MARK: Case builders

    /// A series kernel with one output column.
    static func series<S: SeriesStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        input: @escaping @Sendable (StreamingInputs) -> [Double] = { $0.close },
        _ batch: @escaping @Sendable ([Double]) -> [Double]
    ) -> Case where S.Output == Double {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback, batch: { [batch(input($0))] },
            stream: { StreamingDriver.series(stream, input($0)) })
    }

    /// A series kernel with several output columns.
    static func series<S: SeriesStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        columns: @escaping @Sendable (S.Output) -> [Double], _ batch: @escaping @Sendable ([Double]) -> [[Double]]
    ) -> Case {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback, batch: { batch($0.close) },
            stream: { StreamingDriver.series(stream, $0.close, columns) })
    }

    /// A bar kernel with one output column.
    static func bars<S: BarStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        _ batch: @escaping @Sendable (StreamingInputs) -> [Double]
    ) -> Case where S.Output == Double {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback, batch: { [batch($0)] }, stream: { StreamingDriver.bars(stream, $0) })
    }

    /// A bar kernel with several output columns.
    static func bars<S: BarStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        columns: @escaping @Sendable (S.Output) -> [Double],
        _ batch: @escaping @Sendable (StreamingInputs) -> [[Double]]
    ) -> Case {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback, batch: batch, stream: { StreamingDriver.bars(stream, $0, columns) })
    }

    /// A two-series kernel.
    static func pair<S: PairStream>(
        _ kernel: Any.Type, _ setting: String, _ stream: S, lookback: Int,
        inputs: @escaping @Sendable (StreamingInputs) -> ([Double], [Double]),
        batch: @escaping @Sendable ([Double], [Double]) -> [Double]
    ) -> Case where S.Output == Double {
        Case(
            kernel: String(describing: kernel), setting: setting, batchLookback: lookback,
            streamLookback: stream.lookback,
            batch: { data in
                let (a, b) = inputs(data)
                return [batch(a, b)]
            },
            stream: { data in
                let (a, b) = inputs(data)
                return StreamingDriver.pair(stream, a, b)
            })
    }

    // MARK: Indicators

    /// The lengths every one-length kernel is checked at (0 is invalid: all NaN).
    static let lengths = [0, 1, 2, 14, 50]

    static let indicatorCases: [Case] =
        movingAverageCases + momentumCases + volatilityCases + volumeCases
        + trendCases + regressionCases

    static let movingAverageCases: [Case] =
        lengths.flatMap { n -> [Case] in
            [
                series(SMA.self, "\(n)", SMAStream(length: n), lookback: SMA.lookback(length: n)) {
                    SMA.sma($0, length: n)
                },
                series(EMA.self, "\(n)", EMAStream(length: n), lookback: EMA.lookback(length: n)) {
                    EMA.ema($0, length: n)
                },
                series(WMA.self, "\(n)", WMAStream(length: n), lookback: WMA.lookback(length: n)) {
                    WMA.wma($0, length: n)
                },
                series(DEMA.self, "\(n)", DEMAStream(length: n), lookback: DEMA.lookback(length: n)) {
                    DEMA.dema($0, length: n)
                },
                series(TEMA.self, "\(n)", TEMAStream(length: n), lookback: TEMA.lookback(length: n)) {
                    TEMA.tema($0, length: n)
                },
                series(TRIMA.self, "\(n)", TRIMAStream(length: n), lookback: TRIMA.lookback(length: n)) {
                    TRIMA.trima($0, length: n)
                },
                series(KAMA.self, "\(n)", KAMAStream(length: n), lookback: KAMA.lookback(length: n)) {
                    KAMA.kama($0, length: n)
                },
                series(T3.self, "\(n), 0.7", T3Stream(length: n, volumeFactor: 0.7), lookback: T3.lookback(length: n)) {
                    T3.t3($0, length: n, volumeFactor: 0.7)
                },
                series(MidPoint.self, "\(n)", MidPointStream(length: n), lookback: MidPoint.lookback(length: n)) {
                    MidPoint.midpoint($0, length: n)
                },
                bars(MidPrice.self, "\(n)", MidPriceStream(length: n), lookback: MidPrice.lookback(length: n)) {
                    MidPrice.midprice(high: $0.high, low: $0.low, length: n)
                },
            ]
        } + [
            series(T3.self, "5, 0", T3Stream(length: 5, volumeFactor: 0), lookback: T3.lookback(length: 5)) {
                T3.t3($0, length: 5, volumeFactor: 0)
            },
            series(HTTrendline.self, "", HTTrendlineStream(), lookback: HTTrendline.lookback()) {
                HTTrendline.htTrendline($0)
            },
        ]

    static let momentumCases: [Case] =
        lengths.flatMap { n -> [Case] in
            [
                series(RSI.self, "\(n)", RSIStream(length: n), lookback: RSI.lookback(length: n)) {
                    RSI.rsi($0, length: n)
                },
                series(CMO.self, "\(n)", CMOStream(length: n), lookback: CMO.lookback(length: n)) {
                    CMO.cmo($0, length: n)
                },
                series(MOM.self, "\(n)", MOMStream(length: n), lookback: MOM.lookback(length: n)) {
                    MOM.mom($0, length: n)
                },
                series(ROC.self, "\(n)", ROCStream(length: n), lookback: ROC.lookback(length: n)) {
                    ROC.roc($0, length: n)
                },
                bars(CCI.self, "\(n)", CCIStream(length: n), lookback: CCI.lookback(length: n)) {
                    CCI.cci(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                bars(WillR.self, "\(n)", WillRStream(length: n), lookback: WillR.lookback(length: n)) {
                    WillR.willr(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
            ]
        }
        + [(12, 26, 9), (1, 1, 1), (2, 3, 1), (26, 12, 9), (5, 50, 14), (0, 26, 9)].map { fast, slow, signal in
            series(
                MACD.self, "\(fast), \(slow), \(signal)",
                MACDStream(fastLength: fast, slowLength: slow, signalLength: signal),
                lookback: MACD.lookback(fastLength: fast, slowLength: slow, signalLength: signal),
                columns: { [$0.macd, $0.signal, $0.hist] }
            ) {
                let result = MACD.macd($0, fastLength: fast, slowLength: slow, signalLength: signal)
                return [result.macd, result.signal, result.hist]
            }
        }
        + [(12, 26), (1, 1), (26, 12), (2, 50), (3, 3), (0, 5)].flatMap { fast, slow -> [Case] in
            [
                series(
                    APO.self, "\(fast), \(slow)", APOStream(fastLength: fast, slowLength: slow),
                    lookback: APO.lookback(fastLength: fast, slowLength: slow)
                ) { APO.apo($0, fastLength: fast, slowLength: slow) },
                series(
                    PPO.self, "\(fast), \(slow)", PPOStream(fastLength: fast, slowLength: slow),
                    lookback: PPO.lookback(fastLength: fast, slowLength: slow)
                ) { PPO.ppo($0, fastLength: fast, slowLength: slow) },
            ]
        }
        + [(5, 3, 3), (1, 1, 1), (2, 2, 2), (14, 3, 5), (50, 1, 3), (5, 0, 3)].map { k, slowK, slowD in
            bars(
                Stoch.self, "\(k), \(slowK), \(slowD)",
                StochStream(fastKLength: k, slowKLength: slowK, slowDLength: slowD),
                lookback: Stoch.lookback(fastKLength: k, slowKLength: slowK, slowDLength: slowD),
                columns: { [$0.k, $0.d] }
            ) {
                let result = Stoch.stoch(
                    high: $0.high, low: $0.low, close: $0.close, fastKLength: k, slowKLength: slowK, slowDLength: slowD)
                return [result.k, result.d]
            }
        }
        + [(5, 3), (1, 1), (2, 2), (14, 3), (50, 14), (0, 3)].map { k, d in
            bars(
                StochF.self, "\(k), \(d)", StochFStream(fastKLength: k, fastDLength: d),
                lookback: StochF.lookback(fastKLength: k, fastDLength: d), columns: { [$0.k, $0.d] }
            ) {
                let result = StochF.stochf(high: $0.high, low: $0.low, close: $0.close, fastKLength: k, fastDLength: d)
                return [result.k, result.d]
            }
        }
        + [(14, 5, 3), (1, 1, 1), (2, 2, 2), (14, 14, 14), (50, 5, 3), (14, 0, 3)].map { n, k, d in
            series(
                StochRSI.self, "\(n), \(k), \(d)", StochRSIStream(length: n, fastKLength: k, fastDLength: d),
                lookback: StochRSI.lookback(length: n, fastKLength: k, fastDLength: d), columns: { [$0.k, $0.d] }
            ) {
                let result = StochRSI.stochrsi($0, length: n, fastKLength: k, fastDLength: d)
                return [result.k, result.d]
            }
        }
        + [(7, 14, 28), (1, 1, 1), (2, 1, 3), (28, 7, 14), (14, 50, 2), (0, 7, 14)].map { a, b, c in
            bars(
                UltOsc.self, "\(a), \(b), \(c)", UltOscStream(fastLength: a, mediumLength: b, slowLength: c),
                lookback: UltOsc.lookback(fastLength: a, mediumLength: b, slowLength: c)
            ) {
                UltOsc.ultosc(
                    high: $0.high, low: $0.low, close: $0.close, fastLength: a, mediumLength: b, slowLength: c)
            }
        } + [
            bars(BOP.self, "", BOPStream(), lookback: BOP.lookback()) {
                BOP.bop(open: $0.open, high: $0.high, low: $0.low, close: $0.close)
            }
        ]

    static let volatilityCases: [Case] =
        lengths.flatMap { n -> [Case] in
            [
                bars(ATR.self, "\(n)", ATRStream(length: n), lookback: ATR.lookback(length: n)) {
                    ATR.atr(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                bars(NATR.self, "\(n)", NATRStream(length: n), lookback: NATR.lookback(length: n)) {
                    NATR.natr(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                series(Variance.self, "\(n)", VarianceStream(length: n), lookback: Variance.lookback(length: n)) {
                    Variance.variance($0, length: n)
                },
                series(
                    StdDev.self, "\(n), 2", StdDevStream(length: n, multiplier: 2), lookback: StdDev.lookback(length: n)
                ) { StdDev.stddev($0, length: n, multiplier: 2) },
                series(
                    BBands.self, "\(n), 2, 1.5", BBandsStream(length: n, deviationsUp: 2, deviationsDown: 1.5),
                    lookback: BBands.lookback(length: n), columns: { [$0.upper, $0.middle, $0.lower] }
                ) {
                    let result = BBands.bbands($0, length: n, deviationsUp: 2, deviationsDown: 1.5)
                    return [result.upper, result.middle, result.lower]
                },
            ]
        } + [
            bars(TRange.self, "", TRangeStream(), lookback: TRange.lookback()) {
                TRange.trange(high: $0.high, low: $0.low, close: $0.close)
            }
        ]

    static let volumeCases: [Case] =
        lengths.map { n in
            bars(MFI.self, "\(n)", MFIStream(length: n), lookback: MFI.lookback(length: n)) {
                MFI.mfi(high: $0.high, low: $0.low, close: $0.close, volume: $0.volume, length: n)
            }
        }
        + [(3, 10), (1, 1), (10, 3), (2, 50), (0, 3)].map { fast, slow in
            bars(
                ADOSC.self, "\(fast), \(slow)", ADOSCStream(fastLength: fast, slowLength: slow),
                lookback: ADOSC.lookback(fastLength: fast, slowLength: slow)
            ) {
                ADOSC.adosc(
                    high: $0.high, low: $0.low, close: $0.close, volume: $0.volume, fastLength: fast, slowLength: slow)
            }
        } + [
            bars(OBV.self, "", OBVStream(), lookback: OBV.lookback()) { OBV.obv(close: $0.close, volume: $0.volume) },
            bars(AD.self, "", ADStream(), lookback: AD.lookback()) {
                AD.ad(high: $0.high, low: $0.low, close: $0.close, volume: $0.volume)
            },
        ]

    static let trendCases: [Case] =
        lengths.flatMap { n -> [Case] in
            [
                bars(ADX.self, "\(n)", ADXStream(length: n), lookback: ADX.lookback(length: n)) {
                    ADX.adx(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                bars(ADXR.self, "\(n)", ADXRStream(length: n), lookback: ADXR.lookback(length: n)) {
                    ADXR.adxr(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                bars(PlusDI.self, "\(n)", PlusDIStream(length: n), lookback: PlusDI.lookback(length: n)) {
                    PlusDI.plusDI(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                bars(MinusDI.self, "\(n)", MinusDIStream(length: n), lookback: MinusDI.lookback(length: n)) {
                    MinusDI.minusDI(high: $0.high, low: $0.low, close: $0.close, length: n)
                },
                bars(
                    Aroon.self, "\(n)", AroonStream(length: n), lookback: Aroon.lookback(length: n),
                    columns: { [$0.up, $0.down] }
                ) {
                    let result = Aroon.aroon(high: $0.high, low: $0.low, length: n)
                    return [result.up, result.down]
                },
                bars(AroonOsc.self, "\(n)", AroonOscStream(length: n), lookback: AroonOsc.lookback(length: n)) {
                    AroonOsc.aroonosc(high: $0.high, low: $0.low, length: n)
                },
            ]
        }
        + [(0.02, 0.2), (0.1, 0.05), (0.05, 0.5)].map { acceleration, maximum in
            bars(
                SAR.self, "\(acceleration), \(maximum)", SARStream(acceleration: acceleration, maximum: maximum),
                lookback: SAR.lookback()
            ) { SAR.sar(high: $0.high, low: $0.low, acceleration: acceleration, maximum: maximum) }
        }

    static let regressionCases: [Case] = lengths.flatMap { n -> [Case] in
        [
            series(LinearReg.self, "\(n)", LinearRegStream(length: n), lookback: LinearReg.lookback(length: n)) {
                LinearReg.linreg($0, length: n)
            },
            series(
                LinearRegSlope.self, "\(n)", LinearRegSlopeStream(length: n),
                lookback: LinearRegSlope.lookback(length: n)
            ) { LinearRegSlope.linregSlope($0, length: n) },
            series(TSF.self, "\(n)", TSFStream(length: n), lookback: TSF.lookback(length: n)) {
                TSF.tsf($0, length: n)
            },
            pair(
                Correl.self, "\(n), high, low", CorrelStream(length: n), lookback: Correl.lookback(length: n),
                inputs: { ($0.high, $0.low) },
                batch: { Correl.correl($0, $1, length: n) }),
            pair(
                Correl.self, "\(n), close, volume", CorrelStream(length: n), lookback: Correl.lookback(length: n),
                inputs: { ($0.close, $0.volume) },
                batch: { Correl.correl($0, $1, length: n) }),
            pair(
                Beta.self, "\(n), high, low", BetaStream(length: n), lookback: Beta.lookback(length: n),
                inputs: { ($0.high, $0.low) },
                batch: { Beta.beta($0, $1, length: n) }),
            pair(
                Beta.self, "\(n), close, open", BetaStream(length: n), lookback: Beta.lookback(length: n),
                inputs: { ($0.close, $0.open) },
                batch: { Beta.beta($0, $1, length: n) }),
        ]
    }
}
