/// A subtree under construction, with what the parser needs beyond the `Expr` itself.
struct ParsedNode {
    /// The tree.
    var expr: Expr
    /// The value bytes the subtree was parsed from, including any enclosing parentheses (which
    /// have no node of their own: they belong to the span of the node inside them).
    var range: Range<Int>
    /// The subtree's depth, counting parentheses as a level: a leaf is 1, `(x)` is 2, `a + b` is 2.
    /// `ExpressionParser.maximumDepth` bounds it.
    var depth: Int

    /// True when the node is a plain number literal (for the hint on `25 % of equity`).
    var isNumberLiteral: Bool {
        if case .number = expr.kind { return true }
        return false
    }
}
