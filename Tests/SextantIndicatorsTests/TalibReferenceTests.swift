import SextantIndicators
import Testing

/// Every TA-Lib column of `talib_GOOG.csv`, bar by bar.
@Suite("TA-Lib 0.8.1 reference (GOOG)")
struct TalibReferenceTests {
    /// One column: its name in the file and how our kernels compute it.
    struct Case: Sendable, CustomTestStringConvertible {
        let column: String
        let compute: @Sendable (ReferenceData) -> [Double]
        var testDescription: String { column }

        init(_ column: String, _ compute: @escaping @Sendable (ReferenceData) -> [Double]) {
            self.column = column
            self.compute = compute
        }
    }

    static let cases: [Case] = [
        Case("sma_20") { SMA.sma($0.close, length: 20) },
        Case("ema_20") { EMA.ema($0.close, length: 20) },
        Case("wma_20") { WMA.wma($0.close, length: 20) },
        Case("dema_20") { DEMA.dema($0.close, length: 20) },
        Case("tema_20") { TEMA.tema($0.close, length: 20) },
        Case("trima_20") { TRIMA.trima($0.close, length: 20) },
        Case("kama_30") { KAMA.kama($0.close, length: 30) },
        Case("t3_5_0.7") { T3.t3($0.close, length: 5, volumeFactor: 0.7) },
        Case("rsi_14") { RSI.rsi($0.close, length: 14) },
        Case("macd_12_26_9_macd") { MACD.macd($0.close, fastLength: 12, slowLength: 26, signalLength: 9).macd },
        Case("macd_12_26_9_signal") { MACD.macd($0.close, fastLength: 12, slowLength: 26, signalLength: 9).signal },
        Case("macd_12_26_9_hist") { MACD.macd($0.close, fastLength: 12, slowLength: 26, signalLength: 9).hist },
        Case("bbands_20_2_2_upper") { BBands.bbands($0.close, length: 20, deviationsUp: 2, deviationsDown: 2).upper },
        Case("bbands_20_2_2_middle") { BBands.bbands($0.close, length: 20, deviationsUp: 2, deviationsDown: 2).middle },
        Case("bbands_20_2_2_lower") { BBands.bbands($0.close, length: 20, deviationsUp: 2, deviationsDown: 2).lower },
        Case("atr_14") { ATR.atr(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("natr_14") { NATR.natr(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("trange") { TRange.trange(high: $0.high, low: $0.low, close: $0.close) },
        Case("adx_14") { ADX.adx(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("adxr_14") { ADXR.adxr(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("plus_di_14") { PlusDI.plusDI(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("minus_di_14") { MinusDI.minusDI(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("cci_14") { CCI.cci(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("mfi_14") { MFI.mfi(high: $0.high, low: $0.low, close: $0.close, volume: $0.volume, length: 14) },
        Case("obv") { OBV.obv(close: $0.close, volume: $0.volume) },
        Case("ad") { AD.ad(high: $0.high, low: $0.low, close: $0.close, volume: $0.volume) },
        Case("adosc_3_10") {
            ADOSC.adosc(
                high: $0.high, low: $0.low, close: $0.close, volume: $0.volume, fastLength: 3, slowLength: 10)
        },
        Case("stoch_5_3_3_slowk") {
            Stoch.stoch(high: $0.high, low: $0.low, close: $0.close, fastKLength: 5, slowKLength: 3, slowDLength: 3).k
        },
        Case("stoch_5_3_3_slowd") {
            Stoch.stoch(high: $0.high, low: $0.low, close: $0.close, fastKLength: 5, slowKLength: 3, slowDLength: 3).d
        },
        Case("stochf_5_3_fastk") {
            StochF.stochf(high: $0.high, low: $0.low, close: $0.close, fastKLength: 5, fastDLength: 3).k
        },
        Case("stochf_5_3_fastd") {
            StochF.stochf(high: $0.high, low: $0.low, close: $0.close, fastKLength: 5, fastDLength: 3).d
        },
        Case("stochrsi_14_5_3_fastk") { StochRSI.stochrsi($0.close, length: 14, fastKLength: 5, fastDLength: 3).k },
        Case("stochrsi_14_5_3_fastd") { StochRSI.stochrsi($0.close, length: 14, fastKLength: 5, fastDLength: 3).d },
        Case("willr_14") { WillR.willr(high: $0.high, low: $0.low, close: $0.close, length: 14) },
        Case("roc_10") { ROC.roc($0.close, length: 10) },
        Case("mom_10") { MOM.mom($0.close, length: 10) },
        Case("cmo_14") { CMO.cmo($0.close, length: 14) },
        Case("ppo_12_26_ema") { PPO.ppo($0.close, fastLength: 12, slowLength: 26) },
        Case("apo_12_26_ema") { APO.apo($0.close, fastLength: 12, slowLength: 26) },
        Case("aroon_14_down") { Aroon.aroon(high: $0.high, low: $0.low, length: 14).down },
        Case("aroon_14_up") { Aroon.aroon(high: $0.high, low: $0.low, length: 14).up },
        Case("aroonosc_14") { AroonOsc.aroonosc(high: $0.high, low: $0.low, length: 14) },
        Case("bop") { BOP.bop(open: $0.open, high: $0.high, low: $0.low, close: $0.close) },
        Case("ultosc_7_14_28") {
            UltOsc.ultosc(
                high: $0.high, low: $0.low, close: $0.close, fastLength: 7, mediumLength: 14, slowLength: 28)
        },
        Case("sar_0.02_0.2") { SAR.sar(high: $0.high, low: $0.low, acceleration: 0.02, maximum: 0.2) },
        Case("midpoint_14") { MidPoint.midpoint($0.close, length: 14) },
        Case("midprice_14") { MidPrice.midprice(high: $0.high, low: $0.low, length: 14) },
        Case("stddev_20_1") { StdDev.stddev($0.close, length: 20, multiplier: 1) },
        Case("var_20_1") { Variance.variance($0.close, length: 20) },
        Case("linearreg_14") { LinearReg.linreg($0.close, length: 14) },
        Case("linearreg_slope_14") { LinearRegSlope.linregSlope($0.close, length: 14) },
        Case("correl_30_high_low") { Correl.correl($0.high, $0.low, length: 30) },
        Case("beta_5_high_low") { Beta.beta($0.high, $0.low, length: 5) },
        Case("tsf_14") { TSF.tsf($0.close, length: 14) },
        Case("ht_trendline") { HTTrendline.htTrendline($0.close) },
    ]

    @Test("every TA-Lib column has a case")
    func coversEveryColumn() {
        let covered = Set(Self.cases.map(\.column))
        #expect(Self.cases.count == covered.count)
        #expect(covered == Set(ReferenceData.shared.talibColumns))
    }

    @Test("matches TA-Lib on every bar", arguments: cases)
    func matchesTalib(_ testCase: Case) throws {
        let data = ReferenceData.shared
        let expected = try #require(data.talib[testCase.column])
        Matching.expectClose(testCase.compute(data), expected, testCase.column)
    }
}
