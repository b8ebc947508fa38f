import Benchmark
import Foundation
import IndicatorBenchSupport
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage

/// `Backtester.run` of `Strategies/sma_cross.yaml` (the Quick-Start SmaCross: two SMAs, their crosses,
/// long/short reversals, Backtesting.py's fill model and statistics) end to end on 1M synthetic bars:
/// indicators, signals, simulation and statistics, the whole of what `sextant backtest` reports as
/// `timings.compute_seconds`. The backtester issue's goal is ≤ 15 ns/bar; scripts/bench-backtest.sh
/// compares the CLI with Backtesting.py and vectorbt in the same run.
///
/// The bars are `SyntheticBars` (the indicator benchmarks' seeded random walk) with every price p mapped
/// to 100·(p/100)^0.1, which keeps each bar's open/high/low/close order and scales its log moves by 0.1:
/// a 0.1 %-a-bar walk, one-minute bars from 2000-01-01T00:00:00Z, as scripts/bench-backtest.sh's
/// `gen-bars.py --walk relative` (a million daily bars would run past the year 4700). Cash 1e9, no
/// commission, as that script: an all-in SMA cross trades every ~18 bars, and with a 1 % walk or a
/// 0.2 % commission any account falls below one unit within a few thousand trades, after which the
/// run only refuses orders. The setup checks that a run trades throughout and refuses nothing.
///
/// Read the `ps/bar` metric (picoseconds per bar; p0 is the best iteration).
///
///     cd Benchmarks && swift package benchmark --target BacktestBenchmarks
let benchmarks: @Sendable () -> Void = {
    let picosecondsPerBar = BenchmarkMetric.custom("ps/bar", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, picosecondsPerBar],
        units: [picosecondsPerBar: .count], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 100)

    let count = 1_000_000
    // Long-only fills on the signal bar's close, as vectorbt's `from_signals` does (the script's variant).
    let variants: [(String, OrdersSection.Direction, OrdersSection.Fill)] = [
        ("long/short", .both, .nextOpen), ("long only, fill on close", .long, .close),
    ]
    for (label, direction, fill) in variants {
        Benchmark(
            "sma_cross \(label) 1M bars",
            closure: { (benchmark: Benchmark, input: BacktestInput) in
                let start = ContinuousClock.now
                let result = Backtester.run(input.strategy, data: input.data, settings: input.settings)
                let elapsed = ContinuousClock.now - start
                blackHole(result.stats.equityFinal)
                blackHole(result.trades.count)
                benchmark.measurement(picosecondsPerBar, picoseconds(elapsed) / count)
            },
            setup: { () throws -> BacktestInput in
                let strategy = try smaCross()
                var settings = BacktestSettings(orders: strategy.document.orders)
                settings.cash = 1e9
                settings.direction = direction
                settings.fill = fill
                let data = marketData(count: count)
                let check = Backtester.run(strategy, data: data, settings: settings)
                guard check.rejections.isEmpty, check.trades.count > count / 50 else {
                    throw SetupFailure(
                        message: "the run must trade throughout: \(check.trades.count) trades, "
                            + "\(check.rejections.count) refused orders")
                }
                return BacktestInput(strategy: strategy, data: data, settings: settings)
            }
        )
    }
}

/// What one benchmark's setup prepares, outside the measured iterations.
private struct BacktestInput {
    var strategy: CheckedStrategy
    var data: MarketData
    var settings: BacktestSettings
}

/// `Strategies/sma_cross.yaml`, linted and checked.
private func smaCross() throws -> CheckedStrategy {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let path = root.appendingPathComponent("Strategies/sma_cross.yaml").path
    let result = Linter.lint(path: path)
    guard case .strategy(let strategy) = result.checked else {
        throw SetupFailure(message: "\(path) did not check: \(result.diagnostics.map(\.message))")
    }
    return strategy
}

/// `count` bars of `SyntheticBars`, prices mapped to 100·(p/100)^0.1, one minute apart from 2000-01-01.
private func marketData(count: Int) -> MarketData {
    let bars = SyntheticBars(count: count)
    let start: Int64 = 946_684_800
    let calm = { (column: UnsafeBufferPointer<Double>) in column.map { 100 * Foundation.pow($0 / 100, 0.1) } }
    return MarketData(
        time: (0..<count).map { start + Int64($0) * 60 },
        columns: [
            nil: [
                .open: calm(bars.open), .high: calm(bars.high), .low: calm(bars.low), .close: calm(bars.close),
                .volume: Array(bars.volume),
            ]
        ])
}

private struct SetupFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Whole picoseconds in `duration`.
private func picoseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000_000_000_000 + Int(attoseconds / 1_000_000)
}
