import ArgumentParser
import Foundation
import SextantBacktest
import SextantEngine
import SextantGraph
import SextantLanguage
import SextantPostgres
import SextantStore

/// `sextant backtest STRATEGY.yaml --data FILE.csv …`: simulate a strategy over history.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest a strategy file against a bar file and print its statistics.",
        discussion: """
            The default fill model is Backtesting.py's: signals at a bar's close fill at the next \
            bar's open, an entry takes as many whole units as the cash buys after commission, \
            commission is paid at entry and at exit, and a trade still open at the end is marked \
            to the last close but left out of the trade statistics (docs/backtest.md). With --record \
            the run and its result are kept in the Postgres store (docs/store.md). Exit status: 0 on \
            success, 1 when the strategy, the data or the store has an error (nothing is written), 2 \
            on a usage error.
            """
    )

    @OptionGroup var options: BacktestOptions

    @Option(help: "Write the result as JSON here (docs/json-formats.md).")
    var json: String?

    @Option(help: "Write the trades as CSV here.")
    var trades: String?

    @Option(help: "Write a self-contained HTML report here.")
    var report: String?

    @Flag(help: "Record the run and its result in the --store (Postgres) and print the record's ID.")
    var record = false

    @Flag(help: "Print nothing on standard output.")
    var quiet = false

    func run() async throws {
        // The store is opened first: an unreachable one fails before the backtest is computed.
        let archive = record ? try await options.store.open(for: "--record") : nil
        do {
            let request = try await options.loadedRequest()
            let (result, data) = try Self.run(request)
            if let json { try Self.write(BacktestJSON.encode(result), to: json) }
            if let trades { try Self.write(TradesCSVWriter.csv(result), to: trades) }
            if let report { try Self.write(HTMLReport.render(result, data: data), to: report) }
            if !quiet { print(BacktestSummary.render(result), terminator: "") }
            if let archive {
                let id = try await Self.record(result, data: options.data, in: archive)
                if !quiet { print("recorded backtest \(id)") }
            }
        } catch {
            try? await archive?.close()
            throw error
        }
        try? await archive?.close()
    }

    /// Keeps the run and its result in `archive` under a new ID, which it returns.
    static func record(_ result: BacktestResult, data: [String], in archive: PostgresStore) async throws -> String {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: result.file)))
        } catch {
            throw StoreOption.fail("cannot read \(result.file) to record it: \(error.localizedDescription)")
        }
        let record = BacktestRecord(
            id: UUID().uuidString.lowercased(), strategyHash: StrategyVersion.of(bytes), strategyName: result.strategy,
            data: data, paramsJSON: BacktestJSON.params(result), settingsJSON: BacktestJSON.settings(result),
            resultJSON: BacktestJSON.encode(result),
            recorded: EpochMilliseconds(Int64(Date().timeIntervalSince1970 * 1000)))
        do {
            try await archive.recordBacktest(record)
        } catch {
            throw StoreOption.fail("the backtest could not be recorded: \(error)")
        }
        return record.id
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
