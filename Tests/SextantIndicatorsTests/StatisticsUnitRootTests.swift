import SextantIndicators
import Testing

/// ADF, Engle–Granger and MacKinnon beyond the rolling reference cases: whole-series tests, the p-value
/// tables, and the edges statsmodels rejects.
@Suite("Statistics: unit-root tests")
struct StatisticsUnitRootTests {
    static let reference = StatisticsReference.shared

    @Test("single-window ADF and Engle–Granger match statsmodels on whole series")
    func fullSample() throws {
        for expected in Self.reference.document.fullSample {
            let inputs = Self.reference.columns(expected.series).map { $0.filter { !$0.isNaN } }
            let statistic: Double
            let pValue: Double
            let lag: Int?
            if expected.kind == "adf" {
                let result = try #require(ADF.test(inputs[0]), "\(expected.series)")
                (statistic, pValue, lag) = (result.statistic, result.pValue, result.lag)
                #expect(result.observations == inputs[0].count - 1 - result.lag)
            } else {
                let result = try #require(Coint.test(inputs[0], inputs[1]), "\(expected.series)")
                (statistic, pValue, lag) = (result.statistic, result.pValue, result.lag)
            }
            #expect(
                StatisticsReferenceTests.agrees(statistic, expected.statistic.value, relative: 1e-8, absolute: 0),
                "\(expected.kind) \(expected.series): \(statistic) vs \(expected.statistic.value)")
            #expect(
                StatisticsReferenceTests.agrees(pValue, expected.pvalue.value, relative: 1e-6, absolute: 1e-300),
                "\(expected.kind) \(expected.series): p \(pValue) vs \(expected.pvalue.value)")
            #expect(lag == expected.lag, "\(expected.kind) \(expected.series): lag")
        }
    }

    static let regressions: [String: MacKinnon.Regression] = [
        "n": .none, "c": .constant, "ct": .constantTrend, "ctt": .constantTrendSquared,
    ]

    @Test("MacKinnon p-values match statsmodels' mackinnonp on a grid of statistics")
    func macKinnonGrid() throws {
        for row in Self.reference.document.distributions.mackinnon {
            let regression = try #require(Self.regressions[row.regression])
            for (tau, expected) in zip(row.statistic, row.pvalue) {
                let actual = MacKinnon.pValue(tau, regression: regression, series: row.series)
                #expect(
                    StatisticsReferenceTests.agrees(actual, expected, relative: 1e-13, absolute: 1e-300),
                    "\(row.regression) N=\(row.series) τ=\(tau): \(actual) vs \(expected)")
            }
        }
    }

    @Test("MacKinnon: 5 % critical value, bounds and bad arguments")
    func macKinnonEdges() {
        // MacKinnon's asymptotic 5 % critical value for the ADF test with a constant is −2.8615;
        // the surface approximation gives a p-value within a few thousandths of 0.05 there.
        #expect(Swift.abs(MacKinnon.pValue(-2.86154, regression: .constant, series: 1) - 0.05) < 0.005)
        #expect(MacKinnon.pValue(-40, regression: .constant, series: 1) == 0)
        #expect(MacKinnon.pValue(3, regression: .constant, series: 1) == 1)
        #expect(MacKinnon.pValue(.nan, regression: .constant, series: 1).isNaN)
        #expect(MacKinnon.pValue(-2, regression: .constant, series: 7).isNaN)
        #expect(MacKinnon.pValue(-2, regression: .constant, series: 0).isNaN)
        // p is increasing in τ.
        let grid = stride(from: -18.0, through: 2.5, by: 0.25).map {
            MacKinnon.pValue($0, regression: .constant, series: 1)
        }
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test("the rolling ADF at a bar is the single-window test of that window")
    func rollingMatchesSingle() throws {
        let x = Self.reference.column("ar1")
        let rolling = ADF.adf(x, length: 80)
        for bar in [79, 80, 333, x.count - 1] {
            let single = try #require(ADF.test(Array(x[(bar - 79)...bar])))
            #expect(rolling.statistic[bar] == single.statistic)
            #expect(rolling.pValue[bar] == single.pValue)
            #expect(rolling.lag[bar] == Double(single.lag))
        }
    }

    @Test("a stationary AR(1) rejects a unit root, a random walk does not")
    func power() throws {
        let stationary = try #require(ADF.test(Self.reference.column("ar1")))
        let walk = try #require(ADF.test(Self.reference.column("random_walk")))
        #expect(stationary.pValue < 0.01)
        #expect(walk.pValue > 0.1)
        let pair = try #require(Coint.test(Self.reference.column("pair_a"), Self.reference.column("pair_b")))
        #expect(pair.pValue < 0.01)
        #expect(Swift.abs(pair.hedgeRatio - 1.5) < 0.01)
    }

    @Test("windows statsmodels rejects give NaN; too-short lengths give all NaN")
    func degenerate() {
        #expect(ADF.test([3, 3, 3, 3, 3, 3]) == nil)
        #expect(ADF.test([1, 2, 4]) == nil)
        let flatThenMoving = [Double](repeating: 5, count: 30) + [6, 4, 7, 3, 8, 2, 9, 1, 5, 6]
        let rolling = ADF.adf(flatThenMoving, length: 10)
        #expect(rolling.statistic[9].isNaN && rolling.pValue[9].isNaN && rolling.lag[9].isNaN)
        #expect(ADF.adf(Array(repeating: 1, count: 10), length: 3).statistic.allSatisfy { $0.isNaN })
        #expect(Coint.coint([1, 2, 3, 4], [2, 1, 4, 3], length: 2).pValue.allSatisfy { $0.isNaN })
        #expect(Coint.test([1, 1, 1, 1, 1], [1, 2, 3, 4, 5]) == nil)
    }

    @Test("an exactly collinear pair is cointegrated with statistic −∞ and p-value 0, as in statsmodels")
    func collinear() throws {
        let b = Self.reference.column("random_walk").prefix(120).map { $0 }
        let a = b.map { 2 * $0 + 1 }
        let result = try #require(Coint.test(a, b))
        #expect(result.statistic == -.infinity)
        #expect(result.pValue == 0)
        #expect(result.lag == nil)
        #expect(Swift.abs(result.hedgeRatio - 2) < 1e-12)
    }
}
