public import ArgumentParser
import Foundation

/// The `sextant` command: a thin front over the Sextant modules.
public struct SextantCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sextant",
        abstract: "Check, explain and run trading strategies written in the Sextant language.",
        discussion: """
            Strategies, risk limits and engine settings are YAML files whose values are expressions \
            in a small typed language (see docs/language.md). Start with `sextant lint Strategies/`.
            """,
        version: "0.1.0",
        subcommands: [
            LintCommand.self, ExplainCommand.self, EvalCommand.self, BacktestCommand.self, OptimizeCommand.self,
            DryRunCommand.self, KillCommand.self, RunCommand.self, DbCommand.self, DataCommand.self,
            TestCommand.self, FunctionsCommand.self, SchemaCommand.self,
            DiagnosticsCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, mapping usage errors to exit status 2 (0 clean, 1 findings, 2 usage).
    public static func runMain(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                var standardError = StandardError()
                print(fullMessage(for: error), to: &standardError)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
