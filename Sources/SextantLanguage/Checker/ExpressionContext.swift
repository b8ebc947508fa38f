/// Where an expression stands in its document, which decides what it may read.
public struct ExpressionContext: Sendable {
    /// The document path, e.g. `entry.long`.
    public var path: String
    /// True where DSL.md allows position and account state (size, stops, risk, exits, breakers).
    public var allowsState: Bool
    /// True for the top of `size:`, the only place sizing functions may appear.
    public var isSize: Bool

    /// Creates a context.
    public init(path: String, allowsState: Bool, isSize: Bool = false) {
        self.path = path
        self.allowsState = allowsState
        self.isSize = isSize
    }
}
