import ArgumentParser
import Foundation
import SextantGraph
import SextantLanguage

/// `sextant explain FILE`: the evaluation graph of a strategy.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the evaluation graph of a strategy: nodes, types, stages, warm-ups, and what is shared.",
        discussion: "`--format dot | dot -Tsvg > graph.svg` draws it with Graphviz."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, dot
    }

    @ArgumentParser.Argument(help: "A strategy file.")
    var file: String

    @Option(help: "Output format: text or dot (Graphviz).")
    var format: Format = .text

    @Option(help: "Override a param, as NAME=VALUE (repeatable).")
    var param: [String] = []

    func run() throws {
        guard FileManager.default.fileExists(atPath: file) else { throw ValidationError("no such file: \(file)") }
        let result = Linter.lint(path: file)
        guard case .strategy(let strategy) = result.checked else {
            let renderer = TextDiagnosticRenderer(colors: Terminal.stderrWantsColor)
            var standardError = StandardError()
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                print(renderer.render(diagnostic), to: &standardError)
            }
            if result.errorCount == 0 { print("\(file): not a strategy file", to: &standardError) }
            throw ExitCode(1)
        }
        var overrides: [String: Double] = [:]
        for text in param {
            let (name, value) = try EvalCommand.pair(text, "--param")
            guard strategy.params.contains(where: { $0.name == name }) else {
                throw ValidationError("`\(name)` is not a param of \(file)")
            }
            guard let number = Double(value) else {
                throw ValidationError("--param \(name): `\(value)` is not a number")
            }
            overrides[name] = number
        }
        let graph = Planner.plan(strategy, params: overrides)
        let title = "\(file): \(strategy.document.name.value)"
        let output = format == .dot ? graph.dot(title: title) : graph.explanation(title: title)
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
