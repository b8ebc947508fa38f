public import SextantLanguage

/// What running one inline test found: every expectation compared, or the problems that kept the
/// test from running.
public struct InlineTestResult: Sendable {
    /// The test's `name:`.
    public var name: String
    /// Where the test is declared (its `- name:` item), for `file:line:column`.
    public var span: SourceSpan
    /// The number of bars the test gave.
    public var bars: Int
    /// The param values of the run, in declaration order (the test's overrides applied).
    public var params: [(name: String, value: Double)]
    /// Each `expect:` entry in the order written.
    public var expectations: [InlineExpectationResult]
    /// Problems that kept the test from running (a param override that makes an indicator length
    /// invalid…); a test with problems fails.
    public var problems: [Diagnostic]

    /// Creates a result.
    public init(
        name: String, span: SourceSpan, bars: Int, params: [(name: String, value: Double)],
        expectations: [InlineExpectationResult], problems: [Diagnostic] = []
    ) {
        self.name = name
        self.span = span
        self.bars = bars
        self.params = params
        self.expectations = expectations
        self.problems = problems
    }

    /// True when the test ran and every expectation held.
    public var passed: Bool { problems.isEmpty && expectations.allSatisfy(\.passed) }
}
