/// An infix operator, with its precedence (higher binds tighter), as in `Grammar/precedence.md`.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or
    case and
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding strength: `or` 1, `and` 2, comparisons 4, `+ -` 5, `* / %` 6 (`not` is 3; `of` has its own level, 7, and does not chain).
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide, .remainder: 6
        }
    }

    /// True for the six comparison operators (which do not chain: `a < b < c` is an error).
    public var isComparison: Bool { precedence == 4 }
    /// True for `and` and `or`.
    public var isLogical: Bool { self == .and || self == .or }
    /// True for `+ - * / %`.
    public var isArithmetic: Bool { precedence >= 5 }
}
