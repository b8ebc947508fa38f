/// A prefix operator.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    /// Arithmetic negation, `-x`.
    case negate = "-"
    /// Logical negation, `not x`.
    case not
}
