/// Where a builtin may appear.
public enum BuiltinContext: Sendable, Hashable {
    /// Any expression.
    case anywhere
    /// Only as the top of a strategy's `size:` expression.
    case sizing
}
