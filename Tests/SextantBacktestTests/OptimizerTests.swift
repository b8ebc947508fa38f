import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// The optimizer: swept points equal single backtests, constraints and invalid points are counted,
/// random draws are reproducible, walk-forward folds tile the data.
@Suite struct OptimizerTests {
    static var request: BacktestRequest {
        var settings = BacktestSettings()
        settings.commission = Commission(rate: 0.002)
        return BacktestRequest(
            strategyPath: BacktestFixtures.root.appendingPathComponent("Strategies/sma_cross.yaml").path,
            data: [(nil, BacktestFixtures.referenceFolder?.appendingPathComponent("GOOG.csv").path ?? "")],
            settings: settings)
    }

    /// Every point of a swept grid has the statistics of its own single backtest, bit for bit.
    @Test func sweptPointsEqualSingleRuns() throws {
        let grid = [ParamAxis(name: "fast", values: [5, 10, 15]), ParamAxis(name: "slow", values: [20, 30])]
        let result = try Optimizer.run(OptimizeRequest(backtest: Self.request, grid: grid, jobs: 2))
        #expect(result.points.count == 6)
        let strategy = try BacktestFixtures.strategy("Strategies/sma_cross.yaml")
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.commission = Commission(rate: 0.002)
        for point in result.points {
            let params = Dictionary(point.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            let single = Backtester.run(
                strategy, data: MarketData(BacktestFixtures.goog), params: params, settings: settings)
            #expect(single.stats == point.stats, "\(params)")
            #expect(point.score == single.stats.sharpe)
        }
        // Best first.
        let scores = result.points.map(\.score)
        #expect(scores == scores.sorted(by: >))
        #expect(result.points.first?.params.map(\.value) == [10, 20])
    }

    /// The file's ranges (fast 5…50 by 5, slow 10…100 by 10) with `fast < slow`: 25 of 100 excluded.
    @Test func constraintExcludesPoints() throws {
        let result = try Optimizer.run(
            OptimizeRequest(backtest: Self.request, constraints: ["fast < slow"], jobs: 2))
        #expect(result.axes.map(\.name) == ["fast", "slow"])
        #expect(result.excludedByConstraint == 25)
        #expect(result.points.count == 75)
        #expect(result.points.allSatisfy { $0.params[0].value < $0.params[1].value })
    }

    /// A length of 0 is skipped with the checker's reason, not run.
    @Test func invalidPointsAreSkipped() throws {
        let grid = [ParamAxis(name: "fast", values: [0, 10])]
        let result = try Optimizer.run(OptimizeRequest(backtest: Self.request, grid: grid))
        #expect(result.invalid == 1)
        #expect(result.points.count == 1)
        #expect(result.invalidReason?.contains("fast=0") == true)
        #expect(result.invalidReason?.contains("whole number ≥ 1") == true)
    }

    /// The same seed draws the same points, all from the grid.
    @Test func randomSearchIsReproducible() throws {
        let request = OptimizeRequest(backtest: Self.request, random: 7, seed: 42)
        let first = try Optimizer.run(request).points.map { $0.params.map(\.value) }
        let second = try Optimizer.run(request).points.map { $0.params.map(\.value) }
        #expect(first.count == 7)
        #expect(first == second)
        #expect(
            first.allSatisfy {
                $0[0].truncatingRemainder(dividingBy: 5) == 0 && $0[1].truncatingRemainder(dividingBy: 10) == 0
            })
    }

    /// 2,148 bars with train 500 and test 250: six folds whose test windows follow each other.
    @Test func walkForwardFolds() throws {
        let request = OptimizeRequest(
            backtest: Self.request, grid: [ParamAxis(name: "fast", values: [5, 10])], maximize: "return_pct",
            walkForward: (train: 500, test: 250))
        let result = try Optimizer.run(request)
        #expect(result.folds.count == 6)
        for (index, fold) in result.folds.enumerated() {
            #expect(fold.train == (index * 250)..<(index * 250 + 500))
            #expect(fold.test == fold.train.upperBound..<(fold.train.upperBound + 250))
            #expect(fold.best != nil)
            #expect(
                fold.testStats?.start
                    == UTCTime.iso8601(BacktestFixtures.goog.time[fold.test.lowerBound], dateOnly: false))
        }
    }

    /// Grid specs: ranges include both ends and keep decimal steps exact; lists; bad specs are usage errors.
    @Test(arguments: [
        ("fast=5..20:5", [5.0, 10, 15, 20]), ("x=0.1..0.5:0.1", [0.1, 0.2, 0.3, 0.4, 0.5]), ("n=1..3", [1, 2, 3]),
        ("k=2,4,8", [2, 4, 8]), ("p=1%..3%:1%", [0.01, 0.02, 0.03]),
    ])
    func gridSpec(_ text: String, _ values: [Double]) throws {
        #expect(try ParamAxis(parsing: text).values == values)
    }

    @Test(arguments: ["fast", "fast=", "fast=10..5:1", "fast=1..5:0", "fast=a..b", "=1..2"])
    func badGridSpec(_ text: String) {
        #expect(throws: OptimizeFailure.self) { try ParamAxis(parsing: text) }
    }
}
