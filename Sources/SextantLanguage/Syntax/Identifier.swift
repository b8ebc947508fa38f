/// A name as written in the source, with its span (for "did you mean" and go-to-definition).
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    /// The name.
    public var name: String
    /// Where it is written.
    public var span: SourceSpan

    /// Creates an identifier.
    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }

    public var description: String { name }
}
