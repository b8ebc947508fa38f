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

        /// The smallest whole number the role accepts: 1 for a length, 0 for a count; nil for the roles
        /// that are not whole numbers.
        public var minimum: Int? {
            switch self {
            case .length: 1
            case .count: 0
            case .series, .condition, .setting, .value: nil
            }
        }

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
    /// The smallest whole number a `length` or `count` argument may be (the checker reports a smaller
    /// one as E0403): the role's own bound unless the entry raises it, as the statistics that have no
    /// value on shorter windows do (`hurst` needs 17 values); nil for the other roles.
    public let minimum: Int?

    /// Creates a parameter; `minimum` raises the role's own bound (only for `length` and `count`).
    public init(_ name: String, _ role: Role, default defaultValue: Double? = nil, minimum: Int? = nil) {
        if let minimum {
            precondition(
                role.minimum.map { minimum >= $0 } ?? false, "a minimum only raises the bound of a length or count")
        }
        self.name = name
        self.role = role
        self.defaultValue = defaultValue
        self.minimum = minimum ?? role.minimum
    }

    /// Whether the entry raised the role's bound: the signature then shows it (`length ≥ 17`).
    public var raisesMinimum: Bool {
        guard let minimum, let bound = role.minimum else { return false }
        return minimum > bound
    }

    /// Formats a default: whole numbers without a decimal point.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
