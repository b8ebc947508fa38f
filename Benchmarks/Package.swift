// swift-tools-version: 6.1
import PackageDescription

// A separate package so that the main build and CI never resolve or build the benchmark tooling.
// Run from this folder: `swift package benchmark` (or `scripts/bench-lint.sh` from the root).
let package = Package(
    name: "SextantBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise its folder's name, which is
        // whatever the clone was called (`main` in a work tree), and `package: "Sextant"` would not resolve.
        .package(name: "Sextant", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LintBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SextantLanguage", package: "Sextant"),
            ],
            path: "Benchmarks/LintBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "IndicatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SextantIndicators", package: "Sextant"),
                "IndicatorBenchSupport",
            ],
            path: "Benchmarks/IndicatorBenchmarks",
            exclude: ["Support"],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The synthetic series and the kernel and stream drivers that both indicator tools time, so that
        // the package-benchmark numbers and scripts/bench-indicators.sh measure the same calls.
        .target(
            name: "IndicatorBenchSupport",
            dependencies: [.product(name: "SextantIndicators", package: "Sextant")],
            path: "Benchmarks/IndicatorBenchmarks/Support"
        ),
        // A plain release executable (no benchmark runtime, no malloc interposer) that
        // scripts/bench-indicators.sh pins to one core and compares with TA-Lib.
        .executableTarget(
            name: "IndicatorTiming",
            dependencies: [
                .product(name: "SextantIndicators", package: "Sextant"),
                "IndicatorBenchSupport",
            ],
            path: "Benchmarks/IndicatorTiming"
        ),
        // Every builtin of the table's stream, one update per bar through `any BuiltinStream` as the engine
        // calls it, and its typed stream called directly (scripts/bench-streams.sh): a plain release
        // executable like IndicatorTiming.
        .executableTarget(
            name: "StreamTiming",
            dependencies: [
                .product(name: "SextantCore", package: "Sextant"),
                .product(name: "SextantIndicators", package: "Sextant"),
                "IndicatorBenchSupport",
            ],
            path: "Benchmarks/StreamTiming",
            // The typed path's update loops are one generic function per stream protocol, specialized per
            // stream type; LLVM's function merging would fold those specializations back into one loop that
            // calls `update` through a function pointer. Off, so that each loop calls its stream directly.
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-llvm-merge-functions-pass"])]
        ),
        // The compiled graph of a strategy against the same logic written by hand (scripts/bench-graph.sh):
        // a plain release executable like IndicatorTiming, on the same synthetic series.
        .executableTarget(
            name: "GraphTiming",
            dependencies: [
                .product(name: "SextantCore", package: "Sextant"),
                .product(name: "SextantIndicators", package: "Sextant"),
                .product(name: "SextantLanguage", package: "Sextant"),
                .product(name: "SextantGraph", package: "Sextant"),
                "IndicatorBenchSupport",
            ],
            path: "Benchmarks/GraphTiming"
        ),
        // `Backtester.run` of Strategies/sma_cross.yaml end to end on 1M synthetic bars (the backtester
        // issue's ≤ 15 ns/bar goal); scripts/bench-backtest.sh compares the CLI with Backtesting.py and vectorbt.
        .executableTarget(
            name: "BacktestBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SextantCore", package: "Sextant"),
                .product(name: "SextantLanguage", package: "Sextant"),
                .product(name: "SextantGraph", package: "Sextant"),
                .product(name: "SextantBacktest", package: "Sextant"),
                "IndicatorBenchSupport",
            ],
            path: "Benchmarks/BacktestBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The engine's bar latency over many symbols and strategies (scripts/bench-engine.sh).
        .executableTarget(
            name: "EngineTiming",
            dependencies: [
                .product(name: "SextantCore", package: "Sextant"),
                .product(name: "SextantLanguage", package: "Sextant"),
                .product(name: "SextantBacktest", package: "Sextant"),
                .product(name: "SextantEngine", package: "Sextant"),
                .product(name: "SextantStore", package: "Sextant"),
                .product(name: "SextantPostgres", package: "Sextant"),
                .product(name: "SextantBus", package: "Sextant"),
                "IndicatorBenchSupport",
            ],
            path: "Benchmarks/EngineTiming"
        ),
        // Publish-to-receive latency and throughput on the Redis bus (scripts/bench-bus.sh).
        .executableTarget(
            name: "BusTiming",
            dependencies: [.product(name: "SextantBus", package: "Sextant")],
            path: "Benchmarks/BusTiming"
        ),
        // Inserts per second into the embedded store with durability on (scripts/bench-store.sh).
        .executableTarget(
            name: "StoreTiming",
            dependencies: [.product(name: "SextantStore", package: "Sextant")],
            path: "Benchmarks/StoreTiming"
        ),
    ]
)
