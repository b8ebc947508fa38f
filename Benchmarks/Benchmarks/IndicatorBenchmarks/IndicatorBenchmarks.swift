import Benchmark
import IndicatorBenchSupport

/// Indicator kernels over synthetic OHLCV (`SyntheticBars`, a seeded random walk): each batch kernel at
/// 1M and 10M bars, and each streaming twin per update. Goals (the "indicator core" issue): a batch
/// kernel at or under TA-Lib's C time per bar (see `BatchIndicator.talibAnchorNanosecondsPerBar`, or
/// run scripts/bench-indicators.sh for a same-machine comparison), a stream update at or under 20 ns.
///
/// Read the `ps/bar` metric (picoseconds per bar, or per update for streams; p0 is the best run):
/// package-benchmark records integers, and nanoseconds would round the cheapest kernels to 1.
///
///     cd Benchmarks && swift package benchmark --target IndicatorBenchmarks
///     cd Benchmarks && swift package benchmark --target IndicatorBenchmarks --filter 'RSI.*'
let benchmarks: @Sendable () -> Void = {
    let picosecondsPerBar = BenchmarkMetric.custom("ps/bar", polarity: .prefersSmaller, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, picosecondsPerBar], units: [picosecondsPerBar: .count], warmupIterations: 2,
        maxDuration: .seconds(2), maxIterations: 1_000)

    // Each benchmark runs in a process of its own, so each setup builds only the series it needs; the
    // output columns are allocated and touched there too, outside every measured iteration.
    for (label, count) in [("1M", 1_000_000), ("10M", 10_000_000)] {
        for indicator in BatchIndicator.allCases {
            Benchmark(
                "\(indicator.name) \(label) bars",
                closure: { benchmark, state in
                    let (bars, outputs) = state
                    let start = ContinuousClock.now
                    indicator.run(bars, into: outputs)
                    let elapsed = ContinuousClock.now - start
                    blackHole(outputs.first[count - 1])
                    benchmark.measurement(picosecondsPerBar, picoseconds(elapsed) / count)
                },
                setup: { (SyntheticBars(count: count), KernelOutputs(count: count)) }
            )
        }
    }

    // One update costs tens of nanoseconds at most, so a million of them make an iteration of a few
    // tens of milliseconds: long enough for the clock, short enough for many iterations.
    let updates = 1_000_000
    for indicator in StreamIndicator.allCases {
        Benchmark(
            "\(indicator.name) stream update",
            closure: { benchmark, bars in
                let start = ContinuousClock.now
                let mix = indicator.drive(bars, updates: updates)
                let elapsed = ContinuousClock.now - start
                blackHole(mix)
                benchmark.measurement(picosecondsPerBar, picoseconds(elapsed) / updates)
            },
            setup: { SyntheticBars(count: updates) }
        )
    }
}

/// Whole picoseconds in `duration`.
private func picoseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000_000_000_000 + Int(attoseconds / 1_000_000)
}
