import SextantIndicators

/// The eight indicators of the "indicator core" issue, then the kernels whose streams needed work
/// after it (the least-squares family, CCI, HT_TRENDLINE), each with the parameters of the TA-Lib
/// reference data (shared/reference/README.md), as one call of its batch kernel.
///
/// Both the package-benchmark target and the IndicatorTiming tool run them through `run`, so the two
/// tools time exactly the same call; TA-Lib is timed on the same parameters (see `talibCall`).
public enum BatchIndicator: String, CaseIterable, Sendable {
    case sma = "SMA"
    case ema = "EMA"
    case rsi = "RSI"
    case atr = "ATR"
    case macd = "MACD"
    case bbands = "BBANDS"
    case adx = "ADX"
    case stoch = "STOCH"
    case linearreg = "LINEARREG"
    case linearregSlope = "LINEARREG_SLOPE"
    case tsf = "TSF"
    case cci = "CCI"
    case htTrendline = "HT_TRENDLINE"

    /// The TA-Lib function name, which is also the display name.
    public var name: String { rawValue }

    /// The TA-Lib call this kernel is measured against (the same parameters).
    public var talibCall: String {
        switch self {
        case .sma: "SMA(close, 20)"
        case .ema: "EMA(close, 20)"
        case .rsi: "RSI(close, 14)"
        case .atr: "ATR(high, low, close, 14)"
        case .macd: "MACD(close, 12, 26, 9)"
        case .bbands: "BBANDS(close, 20, 2, 2, SMA)"
        case .adx: "ADX(high, low, close, 14)"
        case .stoch: "STOCH(high, low, close, 5, 3, SMA, 3, SMA)"
        case .linearreg: "LINEARREG(close, 14)"
        case .linearregSlope: "LINEARREG_SLOPE(close, 14)"
        case .tsf: "TSF(close, 14)"
        case .cci: "CCI(high, low, close, 14)"
        case .htTrendline: "HT_TRENDLINE(close)"
        }
    }

    /// TA-Lib C ns/bar at 1M bars on this machine class, from the issue: the bar to meet (nil for the
    /// kernels the issue gives no anchor for; the script measures TA-Lib beside them anyway).
    public var talibAnchorNanosecondsPerBar: Double? {
        switch self {
        case .sma: 1.0
        case .ema: 1.7
        case .rsi: 2.4
        case .atr: 1.1
        case .macd: 1.8
        case .bbands: 3.3
        case .adx: 9.1
        case .stoch: 8.9
        case .linearreg, .linearregSlope, .tsf, .cci, .htTrendline: nil
        }
    }

    /// Runs the kernel over all of `bars` into `outputs` (which must have `bars.count` rows).
    ///
    /// Not inlined into callers on purpose: each tool times one opaque call, and the kernels themselves
    /// live in another module anyway.
    @inline(never)
    public func run(_ bars: SyntheticBars, into outputs: KernelOutputs) {
        precondition(outputs.count == bars.count, "output columns must match the series length")
        let (high, low, close) = (bars.high, bars.low, bars.close)
        let (first, second, third) = (outputs.first, outputs.second, outputs.third)
        switch self {
        case .sma:
            SMA.sma(close, length: 20, into: first)
        case .ema:
            EMA.ema(close, length: 20, into: first)
        case .rsi:
            RSI.rsi(close, length: 14, into: first)
        case .atr:
            ATR.atr(high: high, low: low, close: close, length: 14, into: first)
        case .macd:
            MACD.macd(
                close, fastLength: 12, slowLength: 26, signalLength: 9, into: first, signal: second, hist: third)
        case .bbands:
            BBands.bbands(
                close, length: 20, deviationsUp: 2, deviationsDown: 2, into: first, middle: second, lower: third)
        case .adx:
            ADX.adx(high: high, low: low, close: close, length: 14, into: first)
        case .stoch:
            Stoch.stoch(
                high: high, low: low, close: close, fastKLength: 5, slowKLength: 3, slowDLength: 3, into: first,
                d: second)
        case .linearreg:
            LinearReg.linreg(close, length: 14, into: first)
        case .linearregSlope:
            LinearRegSlope.linregSlope(close, length: 14, into: first)
        case .tsf:
            TSF.tsf(close, length: 14, into: first)
        case .cci:
            CCI.cci(high: high, low: low, close: close, length: 14, into: first)
        case .htTrendline:
            HTTrendline.htTrendline(close, into: first)
        }
    }
}
