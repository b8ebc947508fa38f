import ArgumentParser
import Foundation
import SextantBacktest
import SextantCore
import SextantEngine
import SextantLanguage
import SextantStore

/// `sextant dry-run STRATEGY.yaml… --data FILE.csv [--pace 50ms] [--risk FILE] [--events FILE|-]`.
struct DryRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Replay history through the live engine path: stream evaluation, risk gate, paper fills.",
        discussion: """
            Each bar of the data goes through what a live bar would: orders fill at the open in the \
            paper book (the backtest's fill model), the strategies evaluate the bar at its close one \
            node at a time, the risk file and the kill switch check every order, and approved orders \
            wait for the next open. The trades equal `sextant backtest`'s on the same data. With \
            --events, every bar, signal, order, fill and risk decision is written as a JSON line \
            (docs/events.md). Exit status: 0 on success, 1 when a file has an error, 2 on a usage error.
            """
    )

    @ArgumentParser.Argument(help: "Strategy files (each trades the data's symbol).")
    var strategies: [String]

    @Option(help: "The bar file (CSV), or postgres:SYMBOL@TIMEFRAME for bars in the --store.")
    var data: String

    @OptionGroup var store: StoreOption

    @Option(help: "Override a param of every strategy, as NAME=VALUE (repeatable).")
    var param: [String] = []

    @Option(help: "Starting cash of each strategy's paper book.")
    var cash: Double = 10_000

    @Option(help: "Commission per fill: 0.002 or 0.2%.")
    var commission: String = "0"

    @Option(help: "A risk file applied to every order (kind: risk).")
    var risk: String?

    @Option(help: "Wall time between bars: 50ms, 1s… (default: as fast as possible).")
    var pace: String?

    @Option(help: "Write events as JSON lines to FILE, or - for standard output.")
    var events: String?

    @Option(help: "Write every strategy's trades as CSV here (with a `strategy` column).")
    var trades: String?

    func run() async throws {
        guard let rate = BacktestOptions.fraction(commission), rate >= 0, rate < 1 else {
            throw ValidationError("--commission expects a fraction like 0.002 or a percent like 0.2%")
        }
        guard cash.isFinite, cash > 0 else { throw ValidationError("--cash must be a positive number") }
        let seconds = try pace.map(Self.seconds) ?? 0
        let params = try BacktestOptions.params(param)
        let preloaded = try await StoreBars.preload([data], store: store)
        var hosts: [StrategyHost] = []
        var series: BarSeries? = preloaded[data]
        for path in strategies {
            var settings = BacktestSettings()
            settings.cash = cash
            settings.commission = Commission(rate: rate)
            var request = BacktestRequest(strategyPath: path, data: [(nil, data)], params: params, settings: settings)
            request.preloadedBars = preloaded
            let prepared: BacktestRunner.Prepared
            do { prepared = try BacktestRunner.prepare(request) } catch { throw BacktestCommand.report(error) }
            if series == nil { series = try Self.bars(data) }
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
            let symbol =
                prepared.strategy.document.symbols.first?.symbol
                ?? Self.symbol(of: data)
            hosts.append(
                StrategyHost(
                    prepared.strategy, symbol: symbol, version: StrategyVersion.of(bytes), params: params,
                    settings: request.settings(for: prepared.strategy)))
        }
        let policy = try risk.map(Self.policy)
        let sink = try EventsOption.sink(events)
        let engine = DryRunEngine(
            hosts: hosts, gate: RiskGate(policy: policy), events: sink, pace: seconds)
        let bars = series ?? BarSeries()
        try await engine.run(bars)
        let last = bars.close.last ?? .nan
        if let trades {
            var csv = ""
            for host in hosts {
                let text = TradesCSVWriter.csv(
                    closed: host.session.book.closedTrades, open: host.session.book.openTrades(markedAt: last))
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
                if csv.isEmpty, let header = lines.first { csv = "strategy," + header + "\n" }
                for line in lines.dropFirst() { csv += "\(host.name),\(line)\n" }
            }
            try BacktestCommand.write(csv, to: trades)
        }
        // The summary goes to standard error when events take standard output.
        var summary = ""
        for host in hosts {
            let book = host.session.book
            let equity = book.equity(at: last)
            let change = (equity / cash - 1) * 100
            summary +=
                "\(host.name) on \(host.symbol): \(book.closedTrades.count) closed trade(s), "
                + "\(book.openTrades(markedAt: last).count) open, equity \(String(format: "%.2f", equity)) "
                + "(\(change >= 0 ? "+" : "")\(String(format: "%.2f", change))%), "
                + "\(book.rejections.count) order(s) refused or shrunk\n"
        }
        if events == "-" {
            var standardError = StandardError()
            print(summary, terminator: "", to: &standardError)
        } else {
            print(summary, terminator: "")
        }
    }

    /// The symbol a `--data` entry trades when the strategy names none: the store key's symbol, or the
    /// CSV file's name.
    static func symbol(of data: String) -> String {
        if StoreBars.isStoreSpec(data), let key = BarSeriesKey(parsing: String(data.dropFirst(StoreBars.prefix.count)))
        {
            return key.symbol
        }
        return URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent
    }

    /// `50ms`, `1s`, `0.5s`, `2m`.
    static func seconds(_ text: String) throws -> Double {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)), value.isFinite, value >= 0 { return value * scale }
        }
        throw ValidationError("--pace expects a duration like 50ms or 1s, got `\(text)`")
    }

    static func bars(_ path: String) throws -> BarSeries {
        do { return try CSVBarReader.read(path: path) } catch {
            var standardError = StandardError()
            print("\(error)", to: &standardError)
            throw ExitCode(1)
        }
    }

    static func policy(_ path: String) throws -> RiskPolicy {
        let result = Linter.lint(path: path)
        guard case .risk(let risk) = result.checked else {
            let renderer = TextDiagnosticRenderer(colors: Terminal.stderrWantsColor)
            var standardError = StandardError()
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                print(renderer.render(diagnostic), to: &standardError)
            }
            if result.diagnostics.isEmpty { print("error: \(path) is not a risk file", to: &standardError) }
            throw ExitCode(1)
        }
        return RiskPolicy(risk)
    }
}
