public import SextantLanguage

/// One `expect:` entry of an inline test compared with what the run produced.
public struct InlineExpectationResult: Sendable {
    /// What was expected (`entry.long`, `fills.buy`…).
    public var path: InlineExpectPath
    /// The span of the `expect:` key, for `file:line:column`.
    public var span: SourceSpan
    /// The bars the test expects, sorted, without repeats.
    public var expected: [Int]
    /// The bars where the signal was true or the event happened, sorted.
    public var got: [Int]
    /// At the first bar where they differ: the values of the signal's inputs, so that a failure says
    /// why (`close = 12`, `upper = 12.5`). Empty for simulation events and passing expectations.
    public var inputs: [InlineTestInput]
    /// At the first bar where they differ, for simulation events: what the simulation did around that
    /// bar (fills, rejections, the signals that led to them), for people.
    public var events: [String]

    /// Creates a result.
    public init(
        path: InlineExpectPath, span: SourceSpan, expected: [Int], got: [Int], inputs: [InlineTestInput] = [],
        events: [String] = []
    ) {
        self.path = path
        self.span = span
        self.expected = expected
        self.got = got
        self.inputs = inputs
        self.events = events
    }

    /// True when the bars are the same.
    public var passed: Bool { expected == got }
    /// Expected bars that did not happen.
    public var missing: [Int] { expected.filter { !got.contains($0) } }
    /// Bars that happened but were not expected.
    public var unexpected: [Int] { got.filter { !expected.contains($0) } }
    /// The first bar in one list and not the other.
    public var firstDifference: Int? { (missing + unexpected).min() }
}
