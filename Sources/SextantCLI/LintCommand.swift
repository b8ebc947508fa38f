public import ArgumentParser
import Foundation
import SextantLanguage

/// `sextant lint PATH...`: check strategy, risk and engine files.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check strategy, risk and engine files and report every problem with its location.",
        discussion: """
            Folders are searched recursively for *.yaml and *.yml files. Exit status: 0 when no \
            errors were found (warnings allowed unless --strict), 1 when there were errors, 2 on a \
            usage error such as a missing path.
            """
    )

    @ArgumentParser.Argument(help: "Files or folders to check.")
    var paths: [String]

    @Option(help: "Output format: text, json or github (workflow annotations).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Also print each file's params, lets, and the type, stage and warm-up of every expression.")
    var explain = false

    @Option(help: "The most diagnostics reported per file.")
    var maxDiagnostics = DiagnosticBag.defaultLimit

    func validate() throws {
        guard maxDiagnostics >= 1 else { throw ValidationError("--max-diagnostics must be at least 1") }
    }

    func run() throws {
        let files: [String]
        do {
            files = try FileDiscovery.yamlFiles(in: paths)
        } catch let missing as FileDiscovery.MissingPath {
            throw ValidationError(missing.description)
        }
        let results = files.map { Linter.lint(path: $0, limit: maxDiagnostics) }
        var output = ""
        switch format {
        case .text:
            output = LintReport.text(results, colors: Terminal.stdoutWantsColor, explain: explain)
        case .json:
            output = try LintReport.json(results, explain: explain)
        case .github:
            output = LintReport.github(results)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        let errors = results.reduce(0) { $0 + $1.errorCount }
        let warnings = results.reduce(0) { $0 + $1.warningCount }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
