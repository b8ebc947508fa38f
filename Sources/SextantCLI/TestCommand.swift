import ArgumentParser
import Foundation
import SextantBacktest
import SextantLanguage

/// `sextant test PATH...`: run the inline tests of strategy files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the inline tests (`tests:`) of strategy files.",
        discussion: """
            Folders are searched recursively for *.yaml and *.yml files; risk and engine files are \
            skipped. Each test's bars are evaluated with its params and compared with what it expects: \
            signals and lets by bar, and fills, trades and rejected orders of a simulated run. A file \
            that does not lint fails with its diagnostics. Exit status: 0 when every test passed, 1 when \
            a test failed or a file did not lint, 2 on a usage error such as a missing path. The \
            notation and the expectations are in docs/documents.md.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @ArgumentParser.Argument(help: "Strategy files or folders.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let files: [String]
        do {
            files = try FileDiscovery.yamlFiles(in: paths)
        } catch let missing as FileDiscovery.MissingPath {
            throw ValidationError(missing.description)
        }
        let outcomes = files.map { path in
            let lint = Linter.lint(path: path)
            guard case .strategy(let strategy) = lint.checked else {
                return TestReport.FileOutcome(lint: lint, results: nil)
            }
            return TestReport.FileOutcome(lint: lint, results: InlineTestRunner.run(strategy))
        }
        let output =
            switch format {
            case .text: TestReport.text(outcomes, colors: Terminal.stdoutWantsColor)
            case .json: try TestReport.json(outcomes)
            }
        FileHandle.standardOutput.write(Data(output.utf8))
        if outcomes.contains(where: \.failed) { throw ExitCode(1) }
    }
}
