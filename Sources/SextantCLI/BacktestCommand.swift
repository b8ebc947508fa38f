import ArgumentParser
import Foundation
import SextantBacktest
import SextantGraph
import SextantLanguage

/// `sextant backtest STRATEGY.yaml --data FILE.csv …`: simulate a strategy over history.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest a strategy file against a bar file and print its statistics.",
        discussion: """
            The default fill model is Backtesting.py's: signals at a bar's close fill at the next \
            bar's open, an entry takes as many whole units as the cash buys after commission, \
            commission is paid at entry and at exit, and a trade still open at the end is marked \
            to the last close but left out of the trade statistics (docs/backtest.md). Exit status: \
            0 on success, 1 when the strategy or the data has an error (nothing is written), 2 on a \
            usage error.
            """
    )

    @OptionGroup var options: BacktestOptions

    @Option(help: "Write the result as JSON here (docs/json-formats.md).")
    var json: String?

    @Option(help: "Write the trades as CSV here.")
    var trades: String?

    @Option(help: "Write a self-contained HTML report here.")
    var report: String?

    @Flag(help: "Print nothing on standard output.")
    var quiet = false

    func run() async throws {
        let request = try await options.loadedRequest()
        let (result, data) = try Self.run(request)
        if let json { try Self.write(BacktestJSON.encode(result), to: json) }
        if let trades { try Self.write(TradesCSVWriter.csv(result), to: trades) }
        if let report { try Self.write(HTMLReport.render(result, data: data), to: report) }
        if !quiet { print(BacktestSummary.render(result), terminator: "") }
    }

    /// Runs a request, turning failures into the CLI's exit codes and messages.
    static func run(_ request: BacktestRequest) throws -> (BacktestResult, MarketData) {
        do {
            return try BacktestRunner.run(request)
        } catch {
            throw report(error)
        }
    }

    /// Prints a failure and returns the error to throw.
    static func report(_ failure: BacktestFailure) -> any Error {
        switch failure {
        case .usage(let message):
            return ValidationError(message)
        case .data(let error):
            var standardError = StandardError()
            print("\(error)", to: &standardError)
            return ExitCode(1)
        case .diagnostics(let diagnostics):
            let renderer = TextDiagnosticRenderer(colors: Terminal.stderrWantsColor)
            var standardError = StandardError()
            for diagnostic in diagnostics { print(renderer.render(diagnostic), to: &standardError) }
            return ExitCode(1)
        }
    }

    /// Writes a file atomically; a failure is an error message and exit status 1.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            var standardError = StandardError()
            print("error: cannot write \(path): \(error.localizedDescription)", to: &standardError)
            throw ExitCode(1)
        }
    }
}
