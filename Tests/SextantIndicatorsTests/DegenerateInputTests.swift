import Foundation
import Testing

@testable import SextantIndicators

/// Degenerate lengths and inputs.
@Suite("Degenerate lengths and inputs")
struct DegenerateInputTests {
    static let nan = Double.nan
    static let close: [Double] = [1, 3, 2, 5, 4, 6, 8, 7, 9, 10]
    static var high: [Double] { close.map { $0 + 1 } }
    static var low: [Double] { close.map { $0 - 1 } }

    @Test("length 1 averages copy the input (as TA-Lib)")
    func lengthOneAverages() {
        let close = Self.close
        for (name, values) in [
            ("sma", SMA.sma(close, length: 1)), ("ema", EMA.ema(close, length: 1)), ("wma", WMA.wma(close, length: 1)),
            ("dema", DEMA.dema(close, length: 1)), ("tema", TEMA.tema(close, length: 1)),
            ("trima", TRIMA.trima(close, length: 1)), ("kama", KAMA.kama(close, length: 1)),
            ("t3", T3.t3(close, length: 1, volumeFactor: 0.7)), ("midpoint", MidPoint.midpoint(close, length: 1)),
            ("linreg", LinearReg.linreg(close, length: 1)), ("highest", Highest.highest(close, length: 1)),
        ] {
            Matching.expectClose(values, close, name)
        }
    }

    @Test("an infinite price makes HT_TRENDLINE NaN for the rest of the run instead of trapping")
    func htTrendlineAfterInfinity() {
        var close = ReferenceData.shared.close
        close[100] = .infinity
        let batch = HTTrendline.htTrendline(close)
        var stream = HTTrendlineStream()
        let streamed = close.map { stream.update($0) }
        #expect(zip(batch, streamed).allSatisfy(StreamingDriver.same))
        #expect(batch[63..<100].allSatisfy { !$0.isNaN })
        #expect(batch[100...].allSatisfy { $0.isNaN })
    }

    @Test("length 1 values TA-Lib 0.8.1 gives")
    func lengthOneTalib() {
        let (close, high, low) = (Self.close, Self.high, Self.low)
        Matching.expectClose(
            ATR.atr(high: high, low: low, close: close, length: 1), [Self.nan, 3, 2, 4, 2, 3, 3, 2, 3, 2], "atr 1")
        Matching.expectClose(MOM.mom(close, length: 1), [Self.nan, 2, -1, 3, -1, 2, 2, -1, 2, 1], "mom 1")
        Matching.expectClose(
            ROC.roc(close, length: 1),
            [Self.nan, 200, -100.0 / 3, 150, -20, 50, 100.0 / 3, -12.5, 200.0 / 7, 100.0 / 9], "roc 1")
        Matching.expectClose(Variance.variance(close, length: 1), Array(repeating: 0, count: 10), "var 1")
        Matching.expectClose(
            Stoch.stoch(high: high, low: low, close: close, fastKLength: 1, slowKLength: 1, slowDLength: 1).k,
            Array(repeating: 50, count: 10), "stoch 1 1 1")
        let third = 200.0 / 3
        Matching.expectClose(
            UltOsc.ultosc(high: high, low: low, close: close, fastLength: 1, mediumLength: 1, slowLength: 1),
            [Self.nan, third, 50, 75, 50, third, third, 50, third, 50], "ultosc 1 1 1")
    }

    @Test("a length longer than the data gives all NaN")
    func tooLong() {
        let (close, high, low) = (Self.close, Self.high, Self.low)
        let columns: [[Double]] = [
            SMA.sma(close, length: 11), EMA.ema(close, length: 11), RSI.rsi(close, length: 10),
            ATR.atr(high: high, low: low, close: close, length: 10),
            ADX.adx(high: high, low: low, close: close, length: 6),
            MACD.macd(close, fastLength: 3, slowLength: 6, signalLength: 6).macd,
            BBands.bbands(close, length: 11, deviationsUp: 2, deviationsDown: 2).middle,
            Stoch.stoch(high: high, low: low, close: close, fastKLength: 5, slowKLength: 3, slowDLength: 5).k,
            HTTrendline.htTrendline(close), KAMA.kama(close, length: 10), T3.t3(close, length: 3, volumeFactor: 0.7),
            Highest.highest(close, length: 11), Correl.correl(close, high, length: 11),
            Beta.beta(close, high, length: 10),
        ]
        for values in columns {
            #expect(values.count == 10)
            #expect(values.allSatisfy { $0.isNaN })
        }
    }

    @Test("a length below 1 gives all NaN")
    func nonPositive() {
        #expect(SMA.sma(Self.close, length: 0).allSatisfy { $0.isNaN })
        #expect(RSI.rsi(Self.close, length: -3).allSatisfy { $0.isNaN })
        #expect(Highest.highest(Self.close, length: 0).allSatisfy { $0.isNaN })
    }

    @Test("empty input gives empty output")
    func empty() {
        let empty: [Double] = []
        #expect(SMA.sma(empty, length: 3).isEmpty)
        #expect(EMA.ema(empty, length: 3).isEmpty)
        #expect(TRange.trange(high: empty, low: empty, close: empty).isEmpty)
        #expect(SAR.sar(high: empty, low: empty, acceleration: 0.02, maximum: 0.2).isEmpty)
        #expect(OBV.obv(close: empty, volume: empty).isEmpty)
        #expect(MACD.macd(empty, fastLength: 12, slowLength: 26, signalLength: 9).signal.isEmpty)
        #expect(BarsSince.barssince([]).isEmpty)
    }

    @Test("one bar: no-warm-up kernels give a value, the others NaN")
    func singleBar() {
        #expect(OBV.obv(close: [5], volume: [7]) == [7])
        #expect(BOP.bop(open: [1], high: [3], low: [1], close: [2]) == [0.5])
        #expect(TRange.trange(high: [3], low: [1], close: [2])[0].isNaN)
        #expect(SAR.sar(high: [3], low: [1], acceleration: 0.02, maximum: 0.2)[0].isNaN)
    }
}
