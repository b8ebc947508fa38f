/// The type of an expression (DSL.md §3): a base type, and whether it varies bar by bar.
///
/// `series<number>` is `ValueType(.number, series: true)`. A scalar broadcasts to a series where
/// a series is expected; a series never narrows to a scalar.
public struct ValueType: Sendable, Hashable, CustomStringConvertible {
    /// What a single value is.
    public enum Base: Sendable, Hashable {
        case number
        case bool
        /// A length of time or a count of bars (`5 bars`, `30m`).
        case duration
        /// The outputs of a multi-output builtin, by field name.
        case record([String])
        /// An order size from a sizing function.
        case size
        /// A symbol alias (`eth`), usable only before `.close` etc.
        case symbol
        /// The type of an expression that already failed to check (suppresses follow-on errors).
        case error
    }

    /// The base type.
    public var base: Base
    /// True when the value varies bar by bar.
    public var isSeries: Bool

    /// Creates a type.
    public init(_ base: Base, series: Bool = false) {
        self.base = base
        self.isSeries = series
    }

    public static let number = ValueType(.number)
    public static let bool = ValueType(.bool)
    public static let numberSeries = ValueType(.number, series: true)
    public static let boolSeries = ValueType(.bool, series: true)
    public static let duration = ValueType(.duration)
    public static let size = ValueType(.size)
    public static let error = ValueType(.error)

    /// True for `number` and `series<number>`.
    public var isNumeric: Bool { base == .number }
    /// True for `bool` and `series<bool>`.
    public var isBoolean: Bool { base == .bool }
    /// True when checking already failed.
    public var isError: Bool { base == .error }

    /// The same base as a series.
    public var asSeries: ValueType { ValueType(base, series: true) }

    public var description: String {
        let name: String
        switch base {
        case .number: name = "number"
        case .bool: name = "bool"
        case .duration: return "duration"
        case .record(let fields): name = "{" + fields.map { ".\($0)" }.joined(separator: " ") + "}"
        case .size: return "size"
        case .symbol: return "symbol"
        case .error: return "<error>"
        }
        return isSeries ? "series<\(name)>" : name
    }
}
