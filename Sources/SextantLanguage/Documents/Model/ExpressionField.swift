/// A document value that is an expression of the language: `entry.long`, `stops.loss`, a `let`…
public struct ExpressionField: Sendable {
    /// The dotted path of the key in the document (`entry.long`, `let.fast_ma`,
    /// `circuit_breakers[0].when`), used in `--explain` output and in messages.
    public var path: String
    /// The span of the key that introduces the value (for "declared here" notes).
    public var keySpan: SourceSpan
    /// The scalar's text and its map back into the file.
    public var source: ExpressionSource

    /// Creates a field.
    public init(path: String, keySpan: SourceSpan, source: ExpressionSource) {
        self.path = path
        self.keySpan = keySpan
        self.source = source
    }
}
