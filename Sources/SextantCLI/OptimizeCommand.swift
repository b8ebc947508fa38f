import ArgumentParser
import Foundation
import SextantBacktest
import Synchronization

/// `sextant optimize STRATEGY.yaml --data FILE.csv [--grid …] [--maximize sharpe] …`: parameter search.
struct OptimizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Search a strategy's params by grid, random or walk-forward search.",
        discussion: """
            Without --grid, every param with a `range: [start, stop, step]` in the file is searched. \
            Each point is a full backtest with the fill model of `sextant backtest` (its options apply). \
            Points whose values the strategy does not accept (a length of 0…) are skipped and counted. \
            Exit status: 0 on success, 1 when the strategy or the data has an error, 2 on a usage error.
            """
    )

    @OptionGroup var options: BacktestOptions

    @Option(help: "A param axis: NAME=START..STOP:STEP or NAME=V1,V2,… (repeatable).")
    var grid: [String] = []

    @Option(help: "The statistic to maximize, by its JSON key (sharpe, return_pct, sqn, calmar…).")
    var maximize = "sharpe"

    @Option(help: "A condition over params every point must meet, e.g. \"fast < slow\" (repeatable).")
    var constraint: [String] = []

    @Option(help: "Worker threads (default: every core).")
    var jobs: Int?

    @Option(help: "Try N points drawn at random from the grid instead of all of it.")
    var random: Int?

    @Option(help: "The seed of --random.")
    var seed: UInt64 = 1

    @Option(
        name: .customLong("walk-forward"),
        help: "Walk-forward windows in bars: train=N,test=M (optimize on N bars, test the best on the next M).")
    var walkForward: String?

    @Option(help: "How many of the best points to print.")
    var top = 10

    @Option(help: "Write every point (and the folds) as JSON here.")
    var json: String?

    @Option(help: "Write every point as CSV here.")
    var csv: String?

    func run() async throws {
        var request = try optimizeRequest()
        request.backtest.preloadedBars = try await StoreBars.preload(
            request.backtest.data.map(\.path), store: options.store)
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1)
        let result: OptimizeResult
        do {
            result = try Optimizer.run(request) { done, total in bar.update(done, total) }
        } catch {
            bar.finish()
            throw Self.report(error)
        }
        bar.finish()
        if let json { try BacktestCommand.write(OptimizeOutput.json(result), to: json) }
        if let csv { try BacktestCommand.write(OptimizeOutput.csv(result), to: csv) }
        print(OptimizeOutput.table(result, top: top), terminator: "")
    }

    func optimizeRequest() throws -> OptimizeRequest {
        var axes: [ParamAxis] = []
        for text in grid {
            do { axes.append(try ParamAxis(parsing: text)) } catch { throw Self.report(error) }
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be ≥ 1") }
        if let random, random < 1 { throw ValidationError("--random must be ≥ 1") }
        guard top >= 1 else { throw ValidationError("--top must be ≥ 1") }
        return OptimizeRequest(
            backtest: try options.request(), grid: axes, maximize: maximize, constraints: constraint,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, random: random, seed: seed,
            walkForward: try walkForward.map(Self.windows))
    }

    /// `train=N,test=M`.
    static func windows(_ text: String) throws -> (train: Int, test: Int) {
        var train: Int?
        var test: Int?
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let value = Int(pieces[1]), value > 0 else {
                throw ValidationError("--walk-forward expects train=N,test=M with whole numbers of bars, got `\(text)`")
            }
            switch pieces[0] {
            case "train": train = value
            case "test": test = value
            default: throw ValidationError("--walk-forward: unknown window `\(pieces[0])` (expected train and test)")
            }
        }
        guard let train, let test else { throw ValidationError("--walk-forward expects train=N,test=M") }
        return (train, test)
    }

    static func report(_ failure: OptimizeFailure) -> any Error {
        switch failure {
        case .backtest(let failure): return BacktestCommand.report(failure)
        case .usage(let message): return ValidationError(message)
        case .diagnostics(let diagnostics):
            return BacktestCommand.report(.diagnostics(diagnostics))
        }
    }
}

/// A progress bar on standard error, drawn only on a terminal.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let drawn = Mutex(false)

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let line =
            "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            + "] \(done)/\(total)"
        drawn.withLock { drawn in
            FileHandle.standardError.write(Data(line.utf8))
            drawn = true
        }
    }

    func finish() {
        drawn.withLock { drawn in
            if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }
}
