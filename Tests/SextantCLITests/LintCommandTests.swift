import Foundation
import SextantCLITestSupport
import SextantLanguage
import Testing

@Suite("sextant lint")
struct LintCommandTests {
    static let broken = """
        kind: strategy
        name: broken
        entry:
          long: smaa(close, 10) > close
        exit:
          long: close[-1] > close
        """

    static let warningOnly = """
        kind: strategy
        name: warns
        params:
          unused: 5
        entry:
          long: close > open
        exit:
          long: close < open
        """

    @Test func bundledFilesAreClean() throws {
        let output = try CLIRunner.run(["lint", "--strict", "Strategies", "Config"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("0 errors, 0 warnings"))
    }

    @Test func errorsExitOneWithLocatedText() throws {
        let path = try CLIRunner.temporaryFile(Self.broken)
        let output = try CLIRunner.run(["lint", path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("\(path):4:9: error[E0302]: unknown function `smaa`"))
        #expect(output.stdout.contains("\(path):6:15: error[E0401]:"))
        // The excerpt underlines exactly the four bytes of `smaa`.
        #expect(output.stdout.contains("4 |   long: smaa(close, 10) > close\n  |         ^^^^\n"))
        #expect(!output.stdout.contains("\u{1B}["), "NO_COLOR must disable colors")
    }

    @Test func warningsPassUnlessStrict() throws {
        let path = try CLIRunner.temporaryFile(Self.warningOnly)
        #expect(try CLIRunner.run(["lint", path]).status == 0)
        let strict = try CLIRunner.run(["lint", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("warning[W0001]"))
    }

    @Test(arguments: [
        ["lint", "no/such/path.yaml"], ["lint", "--format", "xml", "Strategies"], ["lint"], ["frobnicate"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }

    @Test func jsonFormatIsDocumentedShape() throws {
        let path = try CLIRunner.temporaryFile(Self.broken)
        let output = try CLIRunner.run(["lint", "--format", "json", path])
        #expect(output.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["files"] as? Int == 1)
        #expect(object["errors"] as? Int == 2)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["id"] as? String == "E0302")
        #expect(first["line"] as? Int == 4)
        #expect(first["column"] as? Int == 9)
        #expect(first["end_column"] as? Int == 13)
        #expect(first["length"] as? Int == 4)
        #expect(first["suggestion"] as? String == "did you mean `sma`?")
        #expect(first["file"] as? String == path)
    }

    @Test func githubFormatAnnotates() throws {
        let path = try CLIRunner.temporaryFile(Self.broken)
        let output = try CLIRunner.run(["lint", "--format", "github", path])
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.first?.hasPrefix(
                "::error file=\(path),line=4,col=9,endLine=4,endColumn=13,title=E0302::unknown function `smaa`") == true
        )
    }

    @Test func explainShowsTypesStagesAndWarmup() throws {
        let output = try CLIRunner.run(["lint", "--explain", "Strategies/sma_cross.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("fast = 10 (number)  range [5, 50, 5]  — fast SMA length"))
        #expect(output.stdout.contains("let.slow_ma"))
        #expect(output.stdout.contains("warm-up 19"))
        #expect(output.stdout.contains("entry.long   series<bool>    market  warm-up 20"))
        #expect(output.stdout.contains("warm-up: 20 bars before the first decision"))
    }

    @Test func foldersAreSearchedRecursively() throws {
        let path = try CLIRunner.temporaryFile(Self.broken, name: "deep.yml")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path
        let output = try CLIRunner.run(["lint", folder])
        #expect(output.stdout.contains("deep.yml:4:9"))
    }
}
