/// A value read from a document, with the span of the YAML node it came from.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// The YAML node's span.
    public var span: SourceSpan

    /// Creates a located value.
    public init(_ value: Value, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}
