// swift-tools-version: 6.1
import PackageDescription

// A separate package so that the main build and CI never resolve or build the benchmark tooling.
// Run from this folder: `swift package benchmark` (or `scripts/bench-lint.sh` from the root).
let package = Package(
    name: "SextantBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
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
        )
    ]
)
