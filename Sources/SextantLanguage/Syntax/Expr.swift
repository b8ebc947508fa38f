/// A node of the expression syntax tree, with the exact source span it was parsed from.
///
/// The tree is untyped; `Checker` turns it into a `CheckedExpr` with types, stages and warm-ups.
/// Nodes are values: the parser builds them bottom-up and nothing mutates them afterwards.
public struct Expr: Sendable, Hashable {
    /// What the node is.
    public indirect enum Kind: Sendable, Hashable {
        /// A number literal: `14`, `0.5`, `1e-3`.
        case number(Double)
        /// A percentage literal, stored as a fraction: `25%` is `.percent(0.25)`.
        case percent(Double)
        /// A duration literal: `5 bars`, `30m`, `4h`, `1d`.
        case duration(Double, DurationUnit)
        /// `true` or `false`.
        case bool(Bool)
        /// `na`, the missing value.
        case na
        /// A bare name: a bar column, param, `let`, state variable or symbol alias.
        case name(String)
        /// A call of a builtin: `sma(close, 20)`, `risk_fraction(1%, stop = 2 * atr(14))`.
        case call(Identifier, [Argument])
        /// A prefix operator: `-x`, `not x`.
        case unary(UnaryOperator, Expr)
        /// An infix operator: `a + b`, `a and b`, `a < b`.
        case binary(BinaryOperator, Expr, Expr)
        /// `25% of equity`: a fraction of an amount.
        case of(Expr, Expr)
        /// `if c then a else b`.
        case conditional(Expr, Expr, Expr)
        /// A history reference `x[n]`: the value `n` bars ago.
        case history(Expr, Expr)
        /// A field or symbol member: `macd(close).signal`, `eth.close`.
        case member(Expr, Identifier)
        /// A placeholder where the parser recovered from an error (already diagnosed).
        case invalid
    }

    /// What the node is.
    public var kind: Kind
    /// The bytes of the file the node covers.
    public var span: SourceSpan

    /// Creates a node.
    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    /// The direct children, in source order.
    public var children: [Expr] {
        switch kind {
        case .number, .percent, .duration, .bool, .na, .name, .invalid: []
        case .call(_, let arguments): arguments.map(\.value)
        case .unary(_, let operand): [operand]
        case .binary(_, let lhs, let rhs), .of(let lhs, let rhs), .history(let lhs, let rhs): [lhs, rhs]
        case .conditional(let condition, let then, let otherwise): [condition, then, otherwise]
        case .member(let base, _): [base]
        }
    }
}
