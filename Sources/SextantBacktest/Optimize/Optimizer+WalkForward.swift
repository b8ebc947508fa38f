import SextantCore
import SextantGraph
import SextantLanguage

extension Optimizer {
    /// Rolling walk-forward: each fold optimizes on `train` bars, then runs the best point on the next
    /// `test` bars (with the warm-up its indicators need taken from the bars before, and no decision
    /// before the window); the window then moves on by `test` bars.
    static func walkForward(
        _ strategy: CheckedStrategy, data: MarketData, points: [[String: Double]], settings: BacktestSettings,
        metric: String, windows: (train: Int, test: Int), jobs: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(OptimizeFailure) -> [OptimizeResult.Fold] {
        guard windows.train > 0, windows.test > 0 else { throw .usage("--walk-forward needs train > 0 and test > 0") }
        guard windows.train + windows.test <= data.count else {
            throw .usage(
                "--walk-forward train=\(windows.train),test=\(windows.test) needs \(windows.train + windows.test) bars; "
                    + "the data has \(data.count)")
        }
        var folds: [OptimizeResult.Fold] = []
        var start = 0
        let iso = { (bar: Int) in UTCTime.iso8601(data.time[bar], dateOnly: false) }
        while start + windows.train + windows.test <= data.count {
            let train = start..<(start + windows.train)
            let test = train.upperBound..<(train.upperBound + windows.test)
            let ranked = evaluate(
                strategy, data: data.slice(train), points: points, settings: settings, metric: metric, jobs: jobs,
                progress: progress)
            var fold = OptimizeResult.Fold(
                train: train, test: test, trainTimes: (iso(train.lowerBound), iso(train.upperBound - 1)),
                testTimes: (iso(test.lowerBound), iso(test.upperBound - 1)), best: ranked.first, testStats: nil)
            if let best = ranked.first {
                let params = Dictionary(
                    best.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                fold.testStats = outOfSample(strategy, data: data, params: params, settings: settings, window: test)
            }
            folds.append(fold)
            start += windows.test
        }
        return folds
    }

    /// The statistics of one point over `window` only, its indicators warmed up on the bars before.
    static func outOfSample(
        _ strategy: CheckedStrategy, data: MarketData, params: [String: Double], settings: BacktestSettings,
        window: Range<Int>
    ) -> BacktestStats {
        let warmup = Planner.plan(strategy, params: params).nodes.map(\.warmup).max() ?? 0
        let from = max(0, window.lowerBound - warmup - 1)
        let slice = data.slice(from..<window.upperBound)
        let offset = window.lowerBound - from
        let result = StrategyProgram.with(strategy, params: params, data: slice, settings: settings) { program in
            Backtester.simulate(
                strategy, program: program, data: slice, params: params, settings: settings, decisionsFrom: offset)
        }
        let trades = result.trades.filter { $0.entryBar >= offset }.map { trade in
            var shifted = trade
            shifted.entryBar -= offset
            shifted.exitBar = trade.exitBar.map { $0 - offset }
            return shifted
        }
        let close = slice.columns[nil]?[.close] ?? []
        return StatsCalculator.compute(
            time: Array(slice.time[offset...]), close: Array(close[offset...]), equity: Array(result.equity[offset...]),
            closed: trades, firstTradingBar: 0)
    }
}
