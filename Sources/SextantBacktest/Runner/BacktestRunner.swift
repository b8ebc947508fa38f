public import SextantCore
public import SextantGraph
public import SextantLanguage

/// Runs a `BacktestRequest`: lint the strategy, load and align the bars, simulate.
public enum BacktestRunner {
    /// A strategy and its bars, ready to simulate (what `optimize` runs many times).
    public struct Prepared: Sendable {
        /// The checked strategy.
        public var strategy: CheckedStrategy
        /// Its bars, the traded symbol as the primary (alias nil).
        public var data: MarketData
        /// Seconds spent reading and aligning the bar files.
        public var loadSeconds: Double
    }

    /// Lints the strategy, checks the params and loads the data.
    public static func prepare(_ request: BacktestRequest) throws(BacktestFailure) -> Prepared {
        let result = Linter.lint(path: request.strategyPath)
        guard case .strategy(var strategy) = result.checked else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            if errors.isEmpty, result.checked == nil {
                throw .usage("\(request.strategyPath) is not a strategy file (kind: strategy)")
            }
            throw .diagnostics(errors.isEmpty ? result.diagnostics : errors)
        }
        for name in request.params.keys.sorted() where !strategy.params.contains(where: { $0.name == name }) {
            let known = strategy.params.map(\.name).joined(separator: ", ")
            throw .usage(
                "`\(name)` is not a param of \(request.strategyPath) (params: \(known.isEmpty ? "none" : known))")
        }
        if !request.params.isEmpty {
            // Lengths and offsets are checked again with the given values: `--param fast=0` is an error
            // at the expression that uses `fast`, not a crash or a silent NaN column.
            var diagnostics = DiagnosticBag()
            guard let checked = Checker.check(strategy.document, params: request.params, into: &diagnostics) else {
                throw .diagnostics(diagnostics.sorted.filter { $0.severity == .error })
            }
            strategy = checked
        }
        let clock = ContinuousClock()
        let started = clock.now
        let data = try load(request.data, for: strategy, preloaded: request.preloadedBars)
        let elapsed = (clock.now - started).components
        guard data.count > 0 else { throw .usage("the bar data has no bars in common across its files") }
        return Prepared(
            strategy: strategy, data: data,
            loadSeconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }

    /// Prepares and runs the request.
    public static func run(_ request: BacktestRequest) throws(BacktestFailure) -> (BacktestResult, MarketData) {
        let prepared = try prepare(request)
        var result = Backtester.run(
            prepared.strategy, data: prepared.data, params: request.params,
            settings: request.settings(for: prepared.strategy))
        result.loadSeconds = prepared.loadSeconds
        return (result, prepared.data)
    }

    /// The strategy's aliases in scope (`a.close`): declared as a map, or as a list of several symbols.
    static func aliases(of strategy: CheckedStrategy) -> [String] {
        let symbols = strategy.document.symbols
        guard symbols.count > 1 || symbols.contains(where: { $0.alias != $0.symbol }) else { return [] }
        return symbols.map(\.alias)
    }

    static func load(
        _ files: [(alias: String?, path: String)], for strategy: CheckedStrategy, preloaded: [String: BarSeries] = [:]
    ) throws(BacktestFailure) -> MarketData {
        // The one place a `--data` entry becomes bars: loaded already (from a store), or a CSV file.
        func read(_ path: String) throws(BacktestFailure) -> BarSeries {
            if let bars = preloaded[path] { return bars }
            return try Self.read(path)
        }
        let aliases = aliases(of: strategy)
        guard !files.isEmpty else { throw .usage("give the bars with --data FILE") }
        if aliases.isEmpty {
            guard files.count == 1, let file = files.first else {
                throw .usage("\(strategy.document.name.value) trades one symbol: give one --data FILE")
            }
            return MarketData(try read(file.path))
        }
        var byAlias: [String: String] = [:]
        for file in files {
            guard let alias = file.alias, aliases.contains(alias) else {
                throw .usage(
                    "\(strategy.document.name.value) reads the symbols \(aliases.joined(separator: ", ")): "
                        + "give each as --data ALIAS=FILE" + (file.alias.map { " (`\($0)` is not one of them)" } ?? ""))
            }
            byAlias[alias] = file.path
        }
        var series: [(alias: String?, bars: BarSeries)] = []
        for alias in aliases {
            guard let path = byAlias[alias] else { throw .usage("missing --data \(alias)=FILE") }
            series.append((alias, try read(path)))
        }
        // The first declared symbol is the one traded: it is also the primary (alias nil).
        if let first = series.first { series.insert((nil, first.bars), at: 0) }
        return MarketData(aligning: series)
    }

    static func read(_ path: String) throws(BacktestFailure) -> BarSeries {
        do { return try CSVBarReader.read(path: path) } catch { throw .data(error) }
    }
}
