import SextantIndicators

/// The streaming twins of `BatchIndicator`, with the same parameters, driven one update per bar.
///
/// Only twins that exist in `Sources/SextantIndicators/Streaming/` are listed (this file must compile
/// against the repo as it is); when a new twin lands, add a case here and both tools pick it up.
public enum StreamIndicator: String, CaseIterable, Sendable {
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

    /// The display name, as in `BatchIndicator`.
    public var name: String { rawValue }

    /// Feeds the first `updates` bars of `bars` to a new stream and returns a mix of every output's bits,
    /// which the caller hands to a black hole so that no update can be optimized away.
    ///
    /// The stream is made here, inside the timed call: its one small allocation is noise next to a
    /// million updates, and making it outside would need an existential or a generic caller, either of
    /// which would add cost or code to every tool. The update calls cross a module boundary, as they do
    /// from the graph evaluator.
    @inline(never)
    public func drive(_ bars: SyntheticBars, updates: Int) -> UInt64 {
        precondition(updates <= bars.count, "cannot stream more updates than there are bars")
        switch self {
        case .sma: return Self.series(SMAStream(length: 20), bars.close, updates)
        case .ema: return Self.series(EMAStream(length: 20), bars.close, updates)
        case .rsi: return Self.series(RSIStream(length: 14), bars.close, updates)
        case .atr: return Self.bar(ATRStream(length: 14), bars, updates)
        case .macd:
            return Self.series(MACDStream(fastLength: 12, slowLength: 26, signalLength: 9), bars.close, updates)
        case .bbands:
            return Self.series(BBandsStream(length: 20, deviationsUp: 2, deviationsDown: 2), bars.close, updates)
        case .adx: return Self.bar(ADXStream(length: 14), bars, updates)
        case .stoch:
            return Self.bar(StochStream(fastKLength: 5, slowKLength: 3, slowDLength: 3), bars, updates)
        case .linearreg: return Self.series(LinearRegStream(length: 14), bars.close, updates)
        case .linearregSlope: return Self.series(LinearRegSlopeStream(length: 14), bars.close, updates)
        case .tsf: return Self.series(TSFStream(length: 14), bars.close, updates)
        case .cci: return Self.bar(CCIStream(length: 14), bars, updates)
        case .htTrendline: return Self.series(HTTrendlineStream(), bars.close, updates)
        }
    }

    /// One update per value of `input`; specialized per stream type, so the loop holds no dynamic dispatch.
    @inline(__always)
    private static func series<Stream: SeriesStream>(
        _ stream: Stream, _ input: UnsafeBufferPointer<Double>, _ updates: Int
    ) -> UInt64 where Stream.Output: OutputBits {
        var stream = stream
        var mix: UInt64 = 0
        // XOR of bit patterns: a one-cycle dependency, unlike a floating-point sum, so the checksum does
        // not add latency to the update being measured.
        for index in 0..<updates { mix ^= stream.update(input[index]).bits }
        return mix
    }

    /// One update per bar of `bars`, passing all five fields as a feed does.
    @inline(__always)
    private static func bar<Stream: BarStream>(
        _ stream: Stream, _ bars: SyntheticBars, _ updates: Int
    ) -> UInt64 where Stream.Output: OutputBits {
        var stream = stream
        var mix: UInt64 = 0
        let (open, high, low, close, volume) = (bars.open, bars.high, bars.low, bars.close, bars.volume)
        for index in 0..<updates {
            let output = stream.update(
                open: open[index], high: high[index], low: low[index], close: close[index], volume: volume[index])
            mix ^= output.bits
        }
        return mix
    }
}

/// A stream output folded to 64 bits, for the checksum that keeps updates observable.
///
/// The XOR of the bit patterns of the output's columns: a record's fields (in any order), a condition
/// as 1.0 or 0.0. A typed stream's fold is then the fold of the same builtin's output columns through
/// the table, which lets `StreamTiming` check that its two paths timed the same stream.
public protocol OutputBits {
    /// The XOR of the bit patterns of every output column this value fills.
    var bits: UInt64 { get }
}

extension Double: OutputBits {
    public var bits: UInt64 { bitPattern }
}

extension Bool: OutputBits {
    public var bits: UInt64 { (self ? 1.0 : 0.0).bitPattern }
}

extension MACDStream.Output: OutputBits {
    public var bits: UInt64 { macd.bitPattern ^ signal.bitPattern ^ hist.bitPattern }
}

extension BBandsStream.Output: OutputBits {
    public var bits: UInt64 { upper.bitPattern ^ middle.bitPattern ^ lower.bitPattern }
}

extension StochStream.Output: OutputBits {
    public var bits: UInt64 { k.bitPattern ^ d.bitPattern }
}

extension StochFStream.Output: OutputBits {
    public var bits: UInt64 { k.bitPattern ^ d.bitPattern }
}

extension AroonStream.Output: OutputBits {
    public var bits: UInt64 { up.bitPattern ^ down.bitPattern }
}
