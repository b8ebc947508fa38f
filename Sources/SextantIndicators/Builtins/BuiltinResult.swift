/// What a builtin returns.
public enum BuiltinResult: Sendable, Hashable {
    /// `series<number>`.
    case series
    /// `series<bool>`.
    case condition
    /// A record of `series<number>` fields: `macd(...)` has `.macd .signal .hist`.
    case record([String])
    /// The shape of its `value` arguments: a number for numbers, a series if any is a series.
    case elementwise
    /// An order size (units), evaluated per bar in the simulation: the sizing functions.
    case size

    /// The result as shown in signatures.
    public var displayName: String {
        switch self {
        case .series: "series<number>"
        case .condition: "series<bool>"
        case .record(let fields): "{" + fields.map { ".\($0)" }.joined(separator: " ") + "}"
        case .elementwise: "number | series<number>"
        case .size: "size"
        }
    }
}
