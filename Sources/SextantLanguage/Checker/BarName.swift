public import SextantCore

/// The bar-derived names in scope in every strategy expression.
public enum BarName: String, Sendable, Hashable, CaseIterable {
    case open, high, low, close, volume
    /// (high + low) / 2.
    case hl2
    /// (high + low + close) / 3.
    case hlc3
    /// (open + high + low + close) / 4.
    case ohlc4
    /// Bar open time, seconds since the Unix epoch.
    case time
    /// 0 for the first bar, then 1, 2, …
    case barIndex = "bar_index"

    /// The plain bar column it is, if it is one.
    public var field: BarField? { BarField(rawValue: rawValue) }
}
