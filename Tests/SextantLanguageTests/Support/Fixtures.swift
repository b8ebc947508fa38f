import Foundation
import SextantLanguage
import Testing

/// Helpers shared by the language tests.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Lints YAML text as a file called `name`.
    static func lint(_ yaml: String, name: String = "test.yaml") -> LintResult {
        Linter.lint(SourceFile(path: name, text: yaml))
    }

    /// The 1-based line and column of the `occurrence`-th appearance of `marker` in `text`.
    static func location(of marker: String, in text: String, occurrence: Int = 1) -> SextantLanguage.SourceLocation? {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = text.range(of: marker, range: searchStart..<text.endIndex) else { return nil }
            found = range
            searchStart = range.upperBound
        }
        guard let found else { return nil }
        let prefix = text[..<found.lowerBound]
        let line = prefix.count(where: { $0 == "\n" }) + 1
        let lineStart = prefix.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SextantLanguage.SourceLocation(
            line: line, column: text[lineStart..<found.lowerBound].unicodeScalars.count + 1)
    }

    /// A short description of diagnostics for failure messages.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.id) \($0.location): \($0.message)" }.joined(separator: "\n")
    }
}
