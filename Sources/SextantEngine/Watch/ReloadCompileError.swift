public import SextantLanguage

/// Why a file's new content cannot run: the error diagnostics of lint and compilation, all at once.
public struct ReloadCompileError: Error, Sendable, Hashable {
    /// The diagnostics, in the order the compiler sorted them.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
