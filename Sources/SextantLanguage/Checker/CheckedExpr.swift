public import SextantIndicators

/// A type-checked expression: every node carries its type, stage and warm-up.
///
/// This is what the graph compiler consumes. Names are resolved (a `let` reference names its
/// binding, a call holds its `Builtin` with arguments in parameter order, defaults filled in).
public struct CheckedExpr: Sendable {
    /// A resolved node.
    public indirect enum Node: Sendable {
        /// A number known at compile time (literals, percentages as fractions, folded constants).
        case number(Double)
        /// A boolean literal.
        case bool(Bool)
        /// A duration: a count of bars, or seconds.
        case duration(Double, DurationUnit)
        /// `na`.
        case na
        /// A strategy param.
        case param(String)
        /// A bar-derived name of a symbol (nil alias = the strategy's primary symbol).
        case bar(BarName, alias: String?)
        /// A symbol alias, only as the base of `.close` etc. (already resolved into `.bar`).
        case symbol(String)
        /// A position or account value.
        case state(StateVariable)
        /// A reference to a `let` binding.
        case letReference(String)
        /// A builtin call, one argument per parameter in the builtin's order.
        case call(Builtin, [CheckedExpr])
        /// A prefix operator.
        case unary(UnaryOperator, CheckedExpr)
        /// An infix operator.
        case binary(BinaryOperator, CheckedExpr, CheckedExpr)
        /// `fraction of amount`.
        case of(CheckedExpr, CheckedExpr)
        /// `if c then a else b`.
        case conditional(CheckedExpr, CheckedExpr, CheckedExpr)
        /// `x[offset]`, with the offset folded to a whole number ≥ 0 when it is constant.
        case history(CheckedExpr, CheckedExpr)
        /// A record field: `macd(close).signal`.
        case field(CheckedExpr, String)
        /// A node that failed to check (already diagnosed).
        case invalid
    }

    /// The node.
    public var node: Node
    /// Its type.
    public var type: ValueType
    /// When its value is known.
    public var stage: Stage
    /// Leading bars without a valid value, with the params at their declared values.
    public var warmup: Int
    /// The source it was checked from.
    public var span: SourceSpan

    /// Creates a node.
    public init(_ node: Node, type: ValueType, stage: Stage, warmup: Int = 0, span: SourceSpan) {
        self.node = node
        self.type = type
        self.stage = stage
        self.warmup = warmup
        self.span = span
    }

    /// The direct children.
    public var children: [CheckedExpr] {
        switch node {
        case .number, .bool, .duration, .na, .param, .bar, .symbol, .state, .letReference, .invalid: []
        case .call(_, let arguments): arguments
        case .unary(_, let operand): [operand]
        case .binary(_, let lhs, let rhs), .of(let lhs, let rhs), .history(let lhs, let rhs): [lhs, rhs]
        case .conditional(let condition, let then, let otherwise): [condition, then, otherwise]
        case .field(let base, _): [base]
        }
    }
}
