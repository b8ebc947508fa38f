import SextantIndicators
import Testing

/// The shared NaN policy (see `ValidRuns`): every NaN-free run is a series of its own.
@Suite("NaN policy")
struct NaNPolicyTests {
    static let nan = Double.nan

    /// GOOG with the first `prefix` bars of every input replaced by NaN, and GOOG without them.
    static func split(prefix: Int) -> (prefixed: ReferenceData, suffix: ReferenceData) {
        let data = ReferenceData.shared
        func blank(_ column: [Double]) -> [Double] { Array(repeating: nan, count: prefix) + column.dropFirst(prefix) }
        func tail(_ column: [Double]) -> [Double] { Array(column.dropFirst(prefix)) }
        let prefixed = ReferenceData(
            open: blank(data.open), high: blank(data.high), low: blank(data.low), close: blank(data.close),
            volume: blank(data.volume), talib: [:], talibColumns: [])
        let suffix = ReferenceData(
            open: tail(data.open), high: tail(data.high), low: tail(data.low), close: tail(data.close),
            volume: tail(data.volume), talib: [:], talibColumns: [])
        return (prefixed, suffix)
    }

    @Test(
        "a NaN prefix shifts every kernel: output = NaN prefix + kernel(valid part)",
        arguments: TalibReferenceTests.cases)
    func prefixShifts(_ testCase: TalibReferenceTests.Case) {
        let (prefixed, suffix) = Self.split(prefix: 37)
        let shifted = testCase.compute(prefixed)
        let direct = testCase.compute(suffix)
        #expect(shifted.prefix(37).allSatisfy { $0.isNaN })
        #expect(
            zip(shifted.dropFirst(37), direct).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) },
            "\(testCase.column)")
    }

    @Test("sma(rsi(close, 14), 5) is valid from bar 14 + 4")
    func chainedWarmup() {
        let close = ReferenceData.shared.close
        let rsi = RSI.rsi(close, length: 14)
        let smoothed = SMA.sma(rsi, length: 5)
        #expect(smoothed.firstIndex { !$0.isNaN } == 18)
        let expected = (rsi[14] + rsi[15] + rsi[16] + rsi[17] + rsi[18]) / 5
        #expect(Swift.abs(smoothed[18] - expected) <= 1e-12 * expected)
    }

    @Test("a NaN inside the data restarts the warm-up after it")
    func interiorNaNRestarts() {
        let close = Array(ReferenceData.shared.close.prefix(200))
        var holed = close
        holed[100] = Self.nan
        let tail = Array(close[101...])
        for (name, kernel) in [
            ("sma", { SMA.sma($0, length: 20) }), ("ema", { EMA.ema($0, length: 20) }),
            ("rsi", { RSI.rsi($0, length: 14) }), ("cmo", { CMO.cmo($0, length: 14) }),
            ("var", { Variance.variance($0, length: 20) }),
            ("stddev", { StdDev.stddev($0, length: 20, multiplier: 2) }),
            ("bbands", { BBands.bbands($0, length: 20, deviationsUp: 2, deviationsDown: 2).upper }),
            ("macd", { MACD.macd($0, fastLength: 12, slowLength: 26, signalLength: 9).hist }),
            ("natr", { NATR.natr(high: $0, low: $0, close: $0, length: 14) }),
            ("willr", { WillR.willr(high: $0, low: $0, close: $0, length: 14) }),
        ] as [(String, ([Double]) -> [Double])] {
            let result = kernel(holed)
            let before = kernel(Array(close[..<100]))
            #expect(
                Array(result[..<100]).elementsEqual(before) { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(name) before")
            #expect(result[100].isNaN, "\(name) at the hole")
            #expect(
                Array(result[101...]).elementsEqual(kernel(tail)) { $0 == $1 || ($0.isNaN && $1.isNaN) },
                "\(name) after")
        }
    }

    @Test("a NaN in one input of several blanks that bar for all of them")
    func multiInputNaN() {
        let data = ReferenceData.shared
        var high = Array(data.high.prefix(100))
        high[50] = Self.nan
        let atr = ATR.atr(
            high: high, low: Array(data.low.prefix(100)), close: Array(data.close.prefix(100)), length: 14)
        #expect(atr[49].isNaN == false)
        #expect(atr[50...64].allSatisfy { $0.isNaN })
        #expect(!atr[65].isNaN)
    }

    @Test("an all-NaN input gives all NaN")
    func allNaN() {
        let input = [Double](repeating: Self.nan, count: 30)
        #expect(SMA.sma(input, length: 3).allSatisfy { $0.isNaN })
        #expect(MACD.macd(input, fastLength: 3, slowLength: 5, signalLength: 2).hist.allSatisfy { $0.isNaN })
    }
}

/// Flat input: the values TA-Lib gives on constant stretches.
@Suite("Constant stretches")
struct ConstantStretchTests {
    static let flat = [Double](repeating: 42.5, count: 60)

    @Test("oscillators are 0 on a flat input (RSI emits 0, not 50, as TA-Lib)")
    func oscillatorsAreZero() {
        let flat = Self.flat
        let ones = [Double](repeating: 1, count: flat.count)
        let columns: [(String, [Double])] = [
            ("rsi", RSI.rsi(flat, length: 14)), ("cmo", CMO.cmo(flat, length: 14)),
            ("stochf", StochF.stochf(high: flat, low: flat, close: flat, fastKLength: 5, fastDLength: 3).k),
            ("willr", WillR.willr(high: flat, low: flat, close: flat, length: 14)),
            ("cci", CCI.cci(high: flat, low: flat, close: flat, length: 14)),
            ("mfi", MFI.mfi(high: flat, low: flat, close: flat, volume: ones, length: 14)),
            ("adx", ADX.adx(high: flat, low: flat, close: flat, length: 5)),
            ("plus_di", PlusDI.plusDI(high: flat, low: flat, close: flat, length: 5)),
            (
                "ultosc",
                UltOsc.ultosc(high: flat, low: flat, close: flat, fastLength: 3, mediumLength: 5, slowLength: 7)
            ),
            ("var", Variance.variance(flat, length: 20)), ("stddev", StdDev.stddev(flat, length: 20, multiplier: 2)),
            ("correl", Correl.correl(flat, flat, length: 10)), ("beta", Beta.beta(flat, flat, length: 5)),
            ("slope", LinearRegSlope.linregSlope(flat, length: 14)), ("mom", MOM.mom(flat, length: 10)),
            ("roc", ROC.roc(flat, length: 10)), ("bop", BOP.bop(open: flat, high: flat, low: flat, close: flat)),
            ("atr", ATR.atr(high: flat, low: flat, close: flat, length: 14)),
        ]
        for (name, values) in columns {
            #expect(values.allSatisfy { $0.isNaN || $0 == 0 }, "\(name)")
            #expect(values.contains { !$0.isNaN }, "\(name) has values")
        }
    }

    @Test("averages of a flat input are the input")
    func averagesAreFlat() {
        let flat = Self.flat
        let bands = BBands.bbands(flat, length: 20, deviationsUp: 2, deviationsDown: 2)
        let columns: [(String, [Double])] = [
            ("sma", SMA.sma(flat, length: 20)), ("ema", EMA.ema(flat, length: 20)), ("wma", WMA.wma(flat, length: 20)),
            ("dema", DEMA.dema(flat, length: 10)), ("tema", TEMA.tema(flat, length: 10)),
            ("trima", TRIMA.trima(flat, length: 20)), ("kama", KAMA.kama(flat, length: 30)),
            ("t3", T3.t3(flat, length: 5, volumeFactor: 0.7)), ("upper", bands.upper), ("lower", bands.lower),
            ("midpoint", MidPoint.midpoint(flat, length: 14)), ("linreg", LinearReg.linreg(flat, length: 14)),
            ("tsf", TSF.tsf(flat, length: 14)),
        ]
        for (name, values) in columns {
            #expect(values.allSatisfy { $0.isNaN || Swift.abs($0 - 42.5) <= 1e-12 }, "\(name)")
        }
    }
}
