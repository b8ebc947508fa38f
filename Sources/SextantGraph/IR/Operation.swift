public import SextantLanguage

/// What a graph node computes. Columns hold `Double`s; a `series<bool>` column holds 1 and 0.
public enum Operation: Hashable, Sendable {
    /// A number known at planning time (literals, params at their run values, folded subtrees),
    /// broadcast wherever a column is needed.
    case constant(Constant)
    /// A column of the input bars (nil alias = the strategy's primary symbol).
    case bar(BarName, alias: String?)
    /// A position or account value, supplied bar by bar by the loop that drives the simulation.
    case state(StateVariable)
    /// A builtin's kernel with its settings (lengths, multipliers…) resolved to numbers. Inputs are
    /// its series arguments in parameter order, then the bar columns it reads.
    case kernel(name: String, settings: [Constant])
    /// `-x` or `not x`.
    case unary(UnaryOperator)
    /// Arithmetic, comparison or logic.
    case binary(BinaryOperator)
    /// `if c then a else b` (inputs: condition, then, else).
    case conditional
    /// `x[n]`: the input `n` bars back.
    case shift(Int)
    /// Output `index` of a multi-output kernel (a record field).
    case field(index: Int, name: String)

    /// A short label for `sextant explain`.
    public var label: String {
        switch self {
        case .constant(let constant): constant.description
        case .bar(let name, let alias): alias.map { "\($0).\(name.rawValue)" } ?? name.rawValue
        case .state(let variable): variable.rawValue
        case .kernel(let name, let settings):
            settings.isEmpty ? "\(name)()" : "\(name)(\(settings.map(\.description).joined(separator: ", ")))"
        case .unary(let op): op == .negate ? "neg" : "not"
        case .binary(let op): op.rawValue
        case .conditional: "if"
        case .shift(let bars): "[\(bars)]"
        case .field(_, let name): ".\(name)"
        }
    }
}
