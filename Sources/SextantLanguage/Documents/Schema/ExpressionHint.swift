/// What an expression-valued key should compute; the checker enforces it, the schema documents it.
enum ExpressionHint: String, Sendable {
    /// A condition evaluated every bar: `series<bool>`.
    case condition
    /// A number or series of numbers.
    case number
    /// A price distance from the entry (`2 * atr(14)`).
    case distance
    /// A duration (`5 bars`, `30m`) or a bar count.
    case duration
    /// An amount, often a percent of equity (`25% of equity`).
    case amount
    /// A position size from a sizing function (`risk_fraction(1%, stop = 2 * atr(14))`).
    case size
    /// A literal number, percent, duration or bool, fixed for a run (params).
    case constant
    /// Any value (a `let` binding).
    case any

    /// The result type in the language's terms, for the JSON Schema and docs.
    var summary: String {
        switch self {
        case .condition: "expression of type series<bool>"
        case .number: "expression of type number"
        case .distance: "expression: a price distance"
        case .duration: "expression: a duration such as `5 bars` or `30m`, or a bar count"
        case .amount: "expression: an amount, often a percent `of equity`"
        case .size: "expression: a position size, usually from a sizing function"
        case .constant: "a literal number, percent, duration or bool"
        case .any: "expression"
        }
    }
}
