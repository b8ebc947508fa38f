public import SextantCore

/// Which bars: a symbol and a timeframe. The timeframe is kept in its canonical spelling (the largest
/// unit that divides it: `60m` → `1h`, `24h` → `1d`), so two spellings of one length are one series.
public struct BarSeriesKey: Sendable, Hashable, CustomStringConvertible {
    /// The instrument, as given (case-sensitive: `GOOG` and `goog` are two series).
    public let symbol: String
    /// The bar length in seconds.
    public let seconds: Int64
    /// The canonical spelling of the timeframe (`1h`, `15m`, `1d`).
    public let timeframe: String

    /// A key for `symbol` at `timeframe`.
    public init(symbol: String, timeframe: Timeframe) {
        self.symbol = symbol
        self.seconds = timeframe.seconds
        self.timeframe = Self.canonical(seconds: timeframe.seconds)
    }

    /// Parses `SYMBOL@TIMEFRAME` (`GOOG@1d`, `BTC-USD@15m`); nil when either part is missing or the
    /// timeframe is not one `Timeframe` accepts.
    public init?(parsing text: String) {
        guard let at = text.lastIndex(of: "@") else { return nil }
        let symbol = String(text[..<at])
        guard !symbol.isEmpty, !symbol.contains(where: \.isWhitespace),
            let timeframe = Timeframe(String(text[text.index(after: at)...]))
        else { return nil }
        self.init(symbol: symbol, timeframe: timeframe)
    }

    /// `SYMBOL@TIMEFRAME`.
    public var description: String { "\(symbol)@\(timeframe)" }

    /// The spelling with the largest unit that divides `seconds` evenly.
    static func canonical(seconds: Int64) -> String {
        for unit in Timeframe.units.reversed() where seconds % unit.seconds == 0 {
            return "\(seconds / unit.seconds)\(unit.suffix)"
        }
        return "\(seconds)s"
    }
}
