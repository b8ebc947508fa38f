import Benchmark
import Foundation
import SextantLanguage

/// Lint throughput: every file of `Strategies/` and `Config/`, replicated to 1,000 in-memory files,
/// through the whole front end (YAML, parse, check). Goal: 1,000 files in under 1 s on one core.
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let folders = ["Strategies", "Config"].map { root.appendingPathComponent($0) }
    let texts: [(String, String)] = folders.flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .filter { $0.hasSuffix(".yaml") }
            .compactMap { name in
                (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
            }
    }
    precondition(!texts.isEmpty, "no strategy files found under \(root.path)")
    let fileCount = 1_000

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(10))

    Benchmark("lint 1,000 strategy files", configuration: .init(scalingFactor: .one)) { benchmark in
        for _ in benchmark.scaledIterations {
            var diagnostics = 0
            for index in 0..<fileCount {
                let (name, text) = texts[index % texts.count]
                let result = Linter.lint(SourceFile(path: "\(index)-\(name)", text: text))
                diagnostics += result.diagnostics.count
            }
            blackHole(diagnostics)
        }
    }
}
