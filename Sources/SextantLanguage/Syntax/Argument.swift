/// One argument of a call: positional (`20`) or named (`stop = 2 * atr(14)`).
public struct Argument: Sendable, Hashable {
    /// The parameter name for a named argument.
    public var label: Identifier?
    /// The argument's value.
    public var value: Expr

    /// Creates an argument.
    public init(label: Identifier? = nil, value: Expr) {
        self.label = label
        self.value = value
    }

    /// The span from the label (if any) to the end of the value.
    public var span: SourceSpan { label.map { $0.span.union(value.span) } ?? value.span }
}
