import Foundation
import SextantLanguage
import Testing

/// The malformed-input corpus: every file in `Corpus/` must give exactly the located diagnostics
/// listed for it in `Corpus/expectations.txt`, with at least one error, and nothing may crash, hang or
/// exhaust memory. Files are linted from disk so the byte-level checks (UTF-8, NUL, size) run too.
@Suite("Malformed-input corpus")
struct CorpusTests {
    static let folder = Fixtures.root.appendingPathComponent("Tests/SextantLanguageTests/Corpus")

    struct Entry: CustomTestStringConvertible, Sendable {
        var file: String
        var expected: [String]
        var testDescription: String { file }
    }

    /// Parses `expectations.txt`: `file  ID@line:col ID@line:col …`, `#` comments.
    static let entries: [Entry] = {
        let url = folder.appendingPathComponent("expectations.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            return Entry(file: fields[0], expected: Array(fields.dropFirst()).sorted())
        }
    }()

    @Test(arguments: entries)
    func givesExactlyTheLocatedDiagnostics(_ entry: Entry) {
        let result = Linter.lint(path: Self.folder.appendingPathComponent(entry.file).path)
        let got = result.diagnostics.map { "\($0.id)@\($0.location)" }.sorted()
        #expect(got == entry.expected, "\(Fixtures.describe(result.diagnostics))")
        #expect(result.errorCount > 0, "a malformed file must fail lint")
        #expect(result.checked == nil)
    }

    @Test func everyCorpusFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0 != "expectations.txt" && !$0.hasPrefix(".") }
        let listed = Set(Self.entries.map(\.file))
        #expect(
            Set(files) == listed,
            "unlisted: \(Set(files).subtracting(listed).sorted()), missing: \(listed.subtracting(files).sorted())")
        #expect(files.count >= 60)
    }

    /// A 5 MB file (100,000 `let` bindings) with one error at its very end: loads, checks and reports
    /// the error at its exact line instead of stopping, timing out or running out of memory.
    @Test func fiveMegabyteFileReportsItsLastLine() throws {
        var text = "kind: strategy\nname: big\nlet:\n"
        var index = 0
        while text.utf8.count < 5_000_000 {
            text += "  value_\(index): close * \(index) + open - high / (low + \(index))\n"
            index += 1
        }
        text += "entry:\n  long: smaa(close, 5) > value_0\nexit:\n  long: close < value_1\n"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let result = Linter.lint(bytes: Array(text.utf8), path: "big.yaml")
        let error = try #require(
            result.diagnostics.first { $0.id == .unknownFunction }, "\(Fixtures.describe(result.diagnostics))")
        #expect(error.location == SextantLanguage.SourceLocation(line: lines - 2, column: 9))
        #expect(result.diagnostics.count <= DiagnosticBag.defaultLimit)
    }
}
