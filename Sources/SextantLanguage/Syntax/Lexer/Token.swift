/// One token of an expression: its kind, its bytes in `ExpressionSource.text.utf8`, and the value
/// of a number or duration literal.
///
/// Offsets are value offsets, not file offsets: the parser maps them through
/// `ExpressionSource.span(_:)` only when it builds a node or a diagnostic.
struct Token: Sendable, Hashable {
    /// What the token is.
    var kind: TokenKind
    /// The token's bytes in the expression text.
    var range: Range<Int>
    /// The value of a `number` or `duration` token (already recovered if the literal was malformed).
    var value: Double = 0
    /// The unit of a `duration` token.
    var unit: DurationUnit?
    /// The value as a fraction, for a `number` token followed by a percent sign: computed from the
    /// decimal digits, so that `12.3%` is exactly the double nearest to 0.123.
    var percentValue: Double = 0
}
