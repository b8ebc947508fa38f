/// What linting one file found.
public struct LintResult: Sendable {
    /// The path linted.
    public var path: String
    /// Its diagnostics, sorted by position.
    public var diagnostics: [Diagnostic]
    /// Diagnostics left out because the per-file cap was reached.
    public var dropped: Int
    /// How many of those were errors.
    public var droppedErrors: Int
    /// The checked document when there were no errors.
    public var checked: CheckedDocument?

    /// Errors in this file (counting dropped ones).
    public var errorCount: Int { diagnostics.count { $0.severity == .error } + droppedErrors }
    /// Warnings in this file.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
