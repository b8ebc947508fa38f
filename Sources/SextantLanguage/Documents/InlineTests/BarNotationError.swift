/// A problem in one item of the compact bar notation (`"100+1x30 1o0"`), located in the notation's text.
///
/// The range is in UTF-8 bytes of the scalar's value; the loader maps it back into the file with
/// the scalar's `ExpressionSource`, so the diagnostic points at the exact item even inside quotes.
public struct BarNotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in the analyst's terms.
    public var message: String
    /// The bytes of the notation text the problem is about.
    public var range: Range<Int>
    /// How to fix it, when there is an obvious way.
    public var suggestion: String?

    /// Creates an error.
    public init(_ message: String, range: Range<Int>, suggestion: String? = nil) {
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }

    public var description: String { "\(range.lowerBound): \(message)" }
}
