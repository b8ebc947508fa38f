import Foundation
import SextantCore
import Testing

@testable import SextantBacktest

/// Drawdown episodes and statistics on hand-computed equity curves.
@Suite struct StatsCalculatorTests {
    static let day: Int64 = 86_400

    /// Equity 100 110 99 105 120 90 95: drawdowns 0 0 .1 .0455 0 .25 .2083; episodes (bars 1→4, 3 days,
    /// depth .1) and (4→6, 2 days, depth .25).
    @Test func drawdownEpisodes() {
        let equity: [Double] = [100, 110, 99, 105, 120, 90, 95]
        let time = equity.indices.map { Int64($0) * Self.day }
        let drawdowns = Drawdowns(equity: equity, time: time)
        #expect(abs(Drawdowns.values(of: equity)[2] - 0.1) < 1e-15)
        #expect(abs(Drawdowns.values(of: equity)[5] - 0.25) < 1e-15)
        #expect(drawdowns.episodeCount == 2)
        #expect(drawdowns.maxDrawdown == 0.25)
        #expect(abs(drawdowns.averagePeak - 0.175) < 1e-15)
        #expect(drawdowns.maxDuration == Double(3 * Self.day))
        #expect(drawdowns.averageDuration == 2.5 * Double(Self.day))
    }

    /// Trade statistics: win rate, profit factor on returns, SQN and Kelly by their definitions.
    @Test func tradeStatistics() {
        let time = (0..<10).map { Int64($0) * Self.day }
        let equity = [Double](repeating: 100, count: 10)
        let trades = [(10.0, 0.10), (-5, -0.05), (20, 0.20), (-10, -0.10)].enumerated().map { index, trade in
            TradeRecord(
                entryBar: index * 2, exitBar: index * 2 + 1, entryTimestamp: 0, exitTimestamp: Self.day, size: 1,
                entryPrice: 1, exitPrice: 1, pnl: trade.0, returnPct: trade.1 * 100, commission: 0, exitReason: .signal)
        }
        let stats = StatsCalculator.compute(
            time: time, close: equity, equity: equity, closed: trades, firstTradingBar: 0)
        #expect(stats.trades == 4)
        #expect(stats.winRatePct == 50)
        #expect(abs(stats.profitFactor - 2) < 1e-12)  // (0.1 + 0.2) / (0.05 + 0.1)
        #expect(abs(stats.expectancyPct - 3.75) < 1e-12)
        // SQN = √4 · mean(15/4) / std([10, −5, 20, −10], ddof 1).
        let mean = 15.0 / 4
        let deviation = (([10.0, -5, 20, -10].map { ($0 - mean) * ($0 - mean) }.reduce(0, +)) / 3).squareRoot()
        #expect(abs(stats.sqn - 2 * mean / deviation) < 1e-12)
        // Kelly = W − (1 − W)/(mean win / mean |loss|) = 0.5 − 0.5/(15/7.5).
        #expect(abs(stats.kelly - 0.25) < 1e-12)
        #expect(stats.exposureTimePct == 80)
        #expect(stats.bestTradePct == 20)
        #expect(stats.worstTradePct == -10)
    }

    /// Weekly, monthly and daily data get 52, 12 and 252/365 periods a year, as Backtesting.py.
    @Test(arguments: [(7 * 86_400, 52.0), (31 * 86_400, 12.0), (86_400, 365.0)] as [(Int, Double)])
    func annualPeriods(_ spacing: Int, _ periods: Double) {
        let time = (0..<50).map { Int64($0 * spacing) }
        #expect(StatsCalculator.annualPeriods(time).count == periods)
    }

    /// Weekdays-only daily bars: 252 periods.
    @Test func tradingDaysOnly() {
        let time = (0..<200).map { Int64($0) * Self.day }.filter { UTCTime.weekday(ofDay: $0 / Self.day) < 5 }
        #expect(StatsCalculator.annualPeriods(time).count == 252)
    }

    /// Python's float `//`, which Backtesting.py sizes with.
    @Test(
        arguments: [
            (7.0, 2.0, 3.0), (-7, 2, -4), (10_000 * (1 - 0x1p-52), 11, 909), (0.3, 0.1, 2), (1.0, 0.1, 9), (7, -2, -4),
            (-7, -2, 3), (6, 3, 2), (10_000 * (1 - 0x1p-52), 10, 999),
        ] as [(Double, Double, Double)])
    func floorDivision(_ a: Double, _ b: Double, _ expected: Double) {
        #expect(Broker.floorDivide(a, b) == expected)
    }
}

/// The fast log ratio is accurate to a few ulps of the result: checked against `log1p((a − b)/b)`, whose
/// argument is exact to an ulp (libm's `log(a / b)` is not: rounding `a / b` near 1 costs up to 1e-16
/// absolute, which is most of a small result). Outside the series' range it is libm's `log(a / b)`.
@Suite struct LogRatioTests {
    @Test(arguments: [1.0, 1.000001, 0.999, 1.01, 0.97, 1.0609])
    func seriesRange(_ ratio: Double) {
        let b = 123.456
        let a = b * ratio
        let expected = Foundation.log1p((a - b) / b)
        #expect(abs(LogRatio.of(a, b) - expected) <= 4 * expected.ulp, "\(ratio)")
    }

    @Test(arguments: [1.5, 0.2, 1e-300, 0, 3e300, 1.0619])
    func libmOutside(_ ratio: Double) {
        let b = 123.456
        let a = b * ratio
        #expect(LogRatio.of(a, b) == Foundation.log(a / b))
    }

    @Test func nanPropagates() {
        #expect(LogRatio.of(.nan, 1).isNaN)
        #expect(LogRatio.of(1, .nan).isNaN)
    }
}

/// The drawdown summary without a division per bar against the per-bar definition, on random curves
/// with plateaus at the peak (ties decide the episodes), new peaks on the last bar and short episodes.
@Suite struct DrawdownsSummaryTests {
    @Test(arguments: 0..<40)
    func positiveCurveMatchesTheDefinition(_ seed: Int) {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let count = 1 + seed * 7
        var equity: [Double] = []
        var value = 1_000.0 * (1 + uniform())
        for _ in 0..<count {
            let draw = uniform()
            // Repeat the value (a tie with the peak when at it), or move it by a small or large step.
            if draw > 0.2 { value *= 1 + (uniform() - 0.5) * (draw > 0.9 ? 0.2 : 1e-3) }
            equity.append(value)
        }
        let time = (0..<Int64(count)).map { $0 * 3_600 + ($0 % 5) }
        let fast = equity.withUnsafeBufferPointer { e in
            time.withUnsafeBufferPointer { t in Drawdowns.positiveCurve(e, t) }
        }
        let definition = equity.withUnsafeBufferPointer { e in
            time.withUnsafeBufferPointer { t in Drawdowns.anyCurve(e, t) }
        }
        guard let fast else {
            Issue.record("a positive curve must take the fast summary")
            return
        }
        #expect(fast.deepest.bitPattern == definition.deepest.bitPattern)
        #expect(fast.episodes == definition.episodes)
        #expect(fast.depthSum.bitPattern == definition.depthSum.bitPattern)
        #expect(fast.durationSum.bitPattern == definition.durationSum.bitPattern)
        #expect(fast.longest.bitPattern == definition.longest.bitPattern)
        #expect(fast.peak == equity.max())
    }

    /// Zero, negative and NaN equity are left to the definition.
    @Test(arguments: [[1.0, 0, 2], [1, -1, 2], [1, .nan, 2], [0, 1], [.infinity, 1]])
    func otherCurvesUseTheDefinition(_ equity: [Double]) {
        let time = equity.indices.map { Int64($0) * 60 }
        let fast = equity.withUnsafeBufferPointer { e in
            time.withUnsafeBufferPointer { t in Drawdowns.positiveCurve(e, t) }
        }
        #expect(fast == nil)
    }
}

/// Four log ratios at once against one at a time: the same values to within an ulp or two (the
/// vector form may take the shorter series for a lane the scalar takes the longer one for).
@Suite struct LogRatioLanesTests {
    @Test(arguments: [1e-6, 1e-3, 0.003, 0.01, 0.05])
    func lanesMatchTheScalar(_ scale: Double) {
        var state: UInt64 = 7
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<1_000 {
            let b = SIMD4<Double>((0..<4).map { _ in 50 + 100 * uniform() })
            let a = b * SIMD4<Double>((0..<4).map { _ in 1 + scale * (uniform() - 0.5) * 2 })
            let lanes = LogRatio.of4(a, b)
            for lane in 0..<4 {
                let expected = Foundation.log1p((a[lane] - b[lane]) / b[lane])
                let tolerance = scale < 0.06 ? 4 * expected.ulp : 1e-15
                #expect(abs(lanes[lane] - LogRatio.of(a[lane], b[lane])) <= 2 * expected.ulp)
                #expect(abs(lanes[lane] - expected) <= max(tolerance, abs(expected) * 4e-16))
            }
        }
    }
}
