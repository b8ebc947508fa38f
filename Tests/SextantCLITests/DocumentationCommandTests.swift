import Foundation
import SextantCLITestSupport
import SextantIndicators
import SextantLanguage
import Testing

@Suite("sextant functions and schema")
struct DocumentationCommandTests {
    @Test func functionsListsTheWholeTable() throws {
        let output = try CLIRunner.run(["functions", "--format", "json"])
        #expect(output.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["name"] as? String } == BuiltinTable.all.map(\.name))
        let text = try CLIRunner.run(["functions", "macd"]).stdout
        #expect(
            text.contains(
                "macd(source: series, fast: length = 12, slow: length = 26, signal: length = 9) -> {.macd .signal .hist}"
            ))
    }

    /// `docs/functions.md` is generated from the table; this keeps it current.
    @Test func functionsReferenceIsCurrent() throws {
        let generated = try CLIRunner.run(["functions", "--format", "markdown"]).stdout
        let committed = try String(
            contentsOf: CLIRunner.root.appendingPathComponent("docs/functions.md"), encoding: .utf8)
        #expect(generated == committed, "regenerate with `sextant functions --format markdown > docs/functions.md`")
    }

    @Test func schemaIsJSON() throws {
        let output = try CLIRunner.run(["schema"])
        #expect(output.status == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((schema["$schema"] as? String)?.contains("2020-12") == true)
    }

    /// `docs/diagnostics.md` is generated from the ID catalogue; this keeps it complete and current.
    @Test func diagnosticsReferenceIsCurrent() throws {
        let generated = try CLIRunner.run(["diagnostics", "--format", "markdown"]).stdout
        let committed = try String(
            contentsOf: CLIRunner.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        #expect(generated == committed, "regenerate with `sextant diagnostics --format markdown > docs/diagnostics.md`")
        for id in DiagnosticID.all { #expect(committed.contains("`\(id.rawValue)`")) }
    }
}
