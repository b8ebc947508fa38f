/// Parses the expressions of strategy, risk and engine files into `Expr` trees.
///
/// The grammar is `Grammar/expression.ebnf`; `Grammar/precedence.md` has the operator table and
/// the lexical rules (numbers, percentages, durations, names, keywords).
///
/// ```swift
/// var diagnostics = DiagnosticBag()
/// let expr = ExpressionParser.parse(ExpressionSource(standalone: "sma(close, 20) > 3"), into: &diagnostics)
/// expr.dump  // "(> (call sma close 20) 3)"
/// ```
public enum ExpressionParser {
    /// The deepest tree the parser builds. Parentheses, operator chains, calls, history and member
    /// access all count one level each, so `((x))` is 3 deep and `1 + 1 + 1` is 3 deep. Deeper
    /// input gives E0208 at the token that goes past the limit and an `.invalid` node in place of
    /// the construct. 100 is far beyond any hand-written expression, and small enough that the
    /// checker can recurse over such a tree on a 512 KB thread stack.
    public static let maximumDepth = 100

    /// Parses one expression; never throws, never crashes; reports every problem into `diagnostics`
    /// and returns a tree where unparseable parts are `.invalid` nodes.
    ///
    /// Every node's span is the exact file bytes it was parsed from (through `source`'s offset
    /// map), including the parentheses around it. A tree has an `.invalid` node only if an error
    /// was reported. Time and memory are linear in the length of the text, whatever it contains.
    public static func parse(_ source: ExpressionSource, into diagnostics: inout DiagnosticBag) -> Expr {
        let bytes = Array(source.text.utf8)
        let tokens = Lexer.tokenize(source, bytes: bytes, into: &diagnostics)
        var parser = Parser(source: source, bytes: bytes, tokens: tokens, diagnostics: diagnostics)
        let expr = parser.parseTopLevel()
        diagnostics = parser.diagnostics
        return expr
    }
}
