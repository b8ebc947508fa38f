/// One parameter of a builtin.
public struct BuiltinParameter: Sendable, Hashable {
    /// What a parameter accepts; the checker enforces type and stage from this.
    public enum Role: Sendable, Hashable {
        /// `series<number>`; a scalar broadcasts.
        case series
        /// `series<bool>`; a bool broadcasts.
        case condition
        /// A whole number ≥ 1 known before the run (`const` or `param`): a window length.
        case length
        /// A whole number ≥ 0 known before the run (`const` or `param`): a count or occurrence.
        case count
        /// A number known before the run (`const` or `param`): a multiplier, factor or level.
        case setting
        /// Any number, scalar or series, of any stage (sizing amounts, elementwise math).
        case value

        /// The role as shown in signatures.
        public var displayName: String {
            switch self {
            case .series: "series"
            case .condition: "condition"
            case .length: "length"
            case .count: "count"
            case .setting: "setting"
            case .value: "value"
            }
        }
    }

    /// The name used for named arguments (`stop = 2 * atr(14)`).
    public let name: String
    /// What it accepts.
    public let role: Role
    /// The value used when the argument is omitted; nil means required.
    public let defaultValue: Double?

    /// Creates a parameter.
    public init(_ name: String, _ role: Role, default defaultValue: Double? = nil) {
        self.name = name
        self.role = role
        self.defaultValue = defaultValue
    }

    /// Formats a default: whole numbers without a decimal point.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
