/// An infix token's place in precedence climbing: the binding strengths of `Grammar/precedence.md`.
struct InfixOperator {
    /// What the operator builds.
    enum Role: Equatable {
        /// A `BinaryOperator` node.
        case binary(BinaryOperator)
        /// An `of` node.
        case of
        /// An already-reported `unknown` token in operator position: builds an `.invalid` node, so
        /// that `a $ b` gives one diagnostic instead of a cascade.
        case unknown
    }

    /// `not` sits between `and` and the comparisons; it is a prefix, so only its number is here.
    static let notPrecedence = 3
    /// The strength of the comparisons, which do not chain.
    static let comparisonPrecedence = 4

    /// What the operator builds.
    let role: Role
    /// Binding strength: higher binds tighter.
    let precedence: Int

    /// The operator a token stands for in infix position, or nil when it ends the operand chain.
    /// A single `=` maps to `==` here; the parser reports it with a fix-it.
    init?(_ kind: TokenKind) {
        switch kind {
        case .orKeyword: (role, precedence) = (.binary(.or), 1)
        case .andKeyword: (role, precedence) = (.binary(.and), 2)
        case .less: (role, precedence) = (.binary(.less), 4)
        case .lessEqual: (role, precedence) = (.binary(.lessEqual), 4)
        case .greater: (role, precedence) = (.binary(.greater), 4)
        case .greaterEqual: (role, precedence) = (.binary(.greaterEqual), 4)
        case .equalEqual, .equal: (role, precedence) = (.binary(.equal), 4)
        case .bangEqual: (role, precedence) = (.binary(.notEqual), 4)
        case .plus: (role, precedence) = (.binary(.add), 5)
        case .minus: (role, precedence) = (.binary(.subtract), 5)
        case .star: (role, precedence) = (.binary(.multiply), 6)
        case .slash: (role, precedence) = (.binary(.divide), 6)
        case .percent: (role, precedence) = (.binary(.remainder), 6)
        case .unknown: (role, precedence) = (.unknown, 6)
        // `of` binds tighter than `* / %` so that `2 * 3% of equity` is `2 * (3% of equity)`
        // and `x / 25% of equity` divides by the amount, as it reads.
        case .ofKeyword: (role, precedence) = (.of, 7)
        default: return nil
        }
    }

    /// True for the six comparisons (and a mistaken `=`).
    var isComparison: Bool { precedence == Self.comparisonPrecedence }
}
