// Times the streaming update of every builtin in `BuiltinTable.all` that has a stream, two ways, for
// scripts/bench-streams.sh, which pins it to one core: through the interface the engine calls (`any
// BuiltinStream`, the table path), and as the builtin's public typed stream of SextantIndicators called
// directly (`SMAStream.update(_:)`, …, the typed path), with the same settings and inputs. The goal is a
// streaming update ≤ 20 ns per bar per indicator, judged on the typed path. Plain ContinuousClock, best
// of N runs after a warm-up run, a fresh stream for every run; the outputs' bit patterns are XOR-folded
// into checksums that are printed, so that no update is dead code, and each builtin's two paths must
// give the same fold, so that both time the same stream.
//
//   StreamTiming [--bars N] [--runs N] [--window-updates N] [--seed N] [--only NAME,…] [--json PATH]
//                [--typed-only]
import Foundation
import IndicatorBenchSupport
import SextantIndicators

/// The goal every O(1) stream is held to, in nanoseconds per update.
let goal = 20.0

/// Feeds `rows` to the boxed stream, one update per bar, and returns the XOR of every output's bits.
///
/// Not inlined into the caller, so that every builtin runs the same loop; the update itself is a call
/// through the existential's witness table, as in the stream evaluator.
@inline(never)
func drive(_ box: BuiltinStreamBox, _ rows: InputRows, _ outputs: UnsafeMutableBufferPointer<Double>) -> UInt64 {
    var mix: UInt64 = 0
    let (width, values) = (rows.width, UnsafeBufferPointer(rows.values))
    var offset = 0
    for _ in 0..<rows.count {
        box.stream.update(UnsafeBufferPointer(rebasing: values[offset..<offset + width]), into: outputs)
        // XOR of bit patterns: a one-cycle dependency, so the checksum adds no latency to the update.
        for column in 0..<outputs.count { mix ^= outputs[column].bitPattern }
        offset += width
    }
    return mix
}

/// Best and median of `runs` timings of `body` in nanoseconds, after one untimed warm-up call. `make`
/// runs before each call, outside the timing, so every run starts from a fresh stream; `body` gets it
/// `inout`, so that a typed stream stays uniquely referenced (no copy of its buffers on the first write).
func measure<Setup>(
    runs: Int, make: () -> Setup, run body: (inout Setup) -> Void
) -> (best: Double, median: Double) {
    var warmUp = make()
    body(&warmUp)
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        var setup = make()
        let start = ContinuousClock.now
        body(&setup)
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        samples.append(Double(seconds) * 1e9 + Double(attoseconds) * 1e-9)
    }
    samples.sort()
    return (samples[0], samples[samples.count / 2])
}

/// Prints `message` to standard error (progress, so that standard output holds only the table).
func log(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// The value of the first `key:` line of the text file at `path`, trimmed; nil if there is none.
func field(_ key: String, in path: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(key) {
        guard let colon = line.firstIndex(of: ":") else { continue }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return nil
}

/// `text` padded with spaces to `width` characters (left-aligned, or right-aligned when `right`).
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

/// The 1, 5 and 15 minute load averages, or an empty array if the system does not say.
func loadAverage() -> [Double] {
    var average = [Double](repeating: 0, count: 3)
    return getloadavg(&average, 3) == 3 ? average : []
}

/// `value` rounded to 4 decimals, as written to the JSON.
func rounded(_ value: Double?) -> Double? {
    value.map { ($0 * 10_000).rounded() / 10_000 }
}

/// A number of nanoseconds per update as printed: `12.34`, or `placeholder` when there is none.
func nanoseconds(_ value: Double?, or placeholder: String) -> String {
    value.map { String(format: "%.2f", $0) } ?? placeholder
}

/// A load average as printed: `0.91, 1.02, 0.98`.
func loadText(_ average: [Double]) -> String {
    average.isEmpty ? "unknown" : average.map { String(format: "%.2f", $0) }.joined(separator: ", ")
}

let options = StreamTimingOptions.parse(CommandLine.arguments.dropFirst())
// Both read where the process may run, which taskset set: the numbers belong to that core.
let cpus = field("Cpus_allowed_list", in: "/proc/self/status") ?? "unknown"
let cpu = field("model name", in: "/proc/cpuinfo") ?? ""
let load = loadAverage()

var cases: [StreamCase] = []
var skipped: [Skip] = []
for builtin in BuiltinTable.all {
    switch StreamCase.make(builtin) {
    case .success(let streamCase): cases.append(streamCase)
    case .failure(let skip): skipped.append(skip)
    }
}
cases.sort { $0.name < $1.name }
if let only = options.only {
    for name in only where !cases.contains(where: { $0.name == name }) {
        StreamTimingOptions.fail("--only: \(name) is not a builtin with a stream")
    }
    cases.removeAll { !only.contains($0.name) }
}
for name in StreamCase.perWindowStatistics.sorted() where !cases.contains(where: { $0.name == name }) {
    log("warning: per-window statistic \(name) is not a timed builtin of the table")
}

log("generating \(options.bars) synthetic bars (seed \(options.seed))")
let bars = SyntheticBars(count: options.bars, seed: options.seed)
let windowUpdates = min(options.windowUpdates, options.bars)

var checksum: UInt64 = 0
var typedChecksum: UInt64 = 0
var results: [StreamMeasurement] = []
for streamCase in cases {
    let updates = streamCase.isPerWindow ? windowUpdates : options.bars
    let rows = InputRows(streamCase.inputs, bars: bars, count: updates)
    let verdict = { (perUpdate: Double) in
        streamCase.isPerWindow ? "per-window statistic" : perUpdate <= goal ? "ok" : "over"
    }

    // Through the table: the kernel's stream behind `any BuiltinStream`, boxed as the evaluator boxes it.
    var table: (perUpdate: Double, median: Double, mix: UInt64)?
    if !options.typedOnly {
        let outputs = UnsafeMutableBufferPointer<Double>.allocate(capacity: streamCase.kernel.outputCount)
        outputs.initialize(repeating: .nan)
        defer { outputs.deallocate() }
        let (kernel, settings) = (streamCase.kernel, streamCase.settings)
        var mix: UInt64 = 0
        let (best, median) = measure(runs: options.runs) {
            BuiltinStreamBox(kernel.makeStream(settings))
        } run: { box in
            mix = drive(box, rows, outputs)
            // Rotate before folding: every run gives the same mix, and an even number of plain XORs would cancel.
            checksum = (checksum << 1 | checksum >> 63) ^ mix
        }
        table = (best / Double(updates), median / Double(updates), mix)
    }

    // Typed: the same stream type and settings, its own `update` called in a loop specialized for it.
    var typed: (perUpdate: Double, median: Double, mix: UInt64)?
    var typedName: String?
    var typedMissing: String?
    switch TypedStream.make(streamCase) {
    case .success(let stream):
        let typedRows =
            stream.readsBarFields ? InputRows(stream.inputs(for: streamCase), bars: bars, count: updates) : rows
        let (best, median, mix) = stream.time(typedRows, options.runs, &typedChecksum)
        typed = (best / Double(updates), median / Double(updates), mix)
        typedName = stream.typeName
    case .failure(let skip):
        typedMissing = skip.reason
    }

    let outputsMatch = table.flatMap { table in typed.map { $0.mix == table.mix } }
    log(
        "  \(pad(streamCase.name, 18)) typed \(pad(nanoseconds(typed?.perUpdate, or: "—"), 9, right: true))  "
            + "table \(pad(nanoseconds(table?.perUpdate, or: "-"), 9, right: true)) ns/update  "
            + (typed.map { verdict($0.perUpdate) } ?? "no typed stream")
            + (outputsMatch == false ? "  OUTPUTS DIFFER" : ""))
    results.append(
        StreamMeasurement(
            name: streamCase.name, inputs: streamCase.inputsText, settings: streamCase.settingsText,
            updates: updates, nsPerUpdate: rounded(table?.perUpdate), nsPerUpdateMedian: rounded(table?.median),
            verdict: table.map { verdict($0.perUpdate) }, typedStream: typedName,
            typedNsPerUpdate: rounded(typed?.perUpdate), typedNsPerUpdateMedian: rounded(typed?.median),
            typedVerdict: typed.map { verdict($0.perUpdate) }, typedMissing: typedMissing,
            outputsMatch: outputsMatch))
}

let loadAfter = loadAverage()

print(
    """
    Every builtin's stream (BuiltinTable.all), one update per bar, two ways with the same settings and inputs:
      typed  the builtin's public typed stream of SextantIndicators (`SMAStream`, …), its own `update` called
             in a loop specialized for its type, from outside the module as any caller of the public API:
             no existential, no adapter (a call that the optimizer does not inline is still a call);
      table  through `any BuiltinStream` in a class box, as the stream evaluator calls it: the existential's
             dispatch and the adapter's column handling are part of the number; the evaluator's gather of a
             node's inputs is not (the inputs are laid out per bar first).
    The goal verdict is the typed number's. \(options.bars) synthetic bars (seed \(options.seed)); best of \
    \(options.runs) runs after one warm-up run, a fresh stream per run; per-window statistics on \
    \(windowUpdates) updates.
    CPUs allowed: \(cpus)\(cpu.isEmpty ? "" : " (\(cpu))"); load average \(loadText(load)) at the start, \
    \(loadText(loadAfter)) at the end.
    Settings: the table's defaults; a length without a default is \(StreamCase.requiredLength) (or its \
    minimum if higher), marked "(no default)".
    Inputs: series and value arguments close, then open, then high; a value with a default is that constant;
    conditions close > open as 1/0; the bar fields an entry reads, from the bars (a typed bar stream gets NaN
    in the fields the entry does not read, as the table's adapter passes them).
    """)
if options.typedOnly { print("--typed-only: the table path was not timed.") }
if let oneMinute = [load.first, loadAfter.first].compactMap({ $0 }).max(), oneMinute > 1 {
    print(
        "warning: load average above 1 on \(ProcessInfo.processInfo.activeProcessorCount) cores: "
            + "other work shares this machine, numbers are noisy")
}
print()
let widths = (
    name: max(7, results.map(\.name.count).max() ?? 0), inputs: max(6, results.map(\.inputs.count).max() ?? 0),
    settings: max(8, results.map(\.settings.count).max() ?? 0)
)
let header = [
    pad("builtin", widths.name), pad("inputs", widths.inputs), pad("settings", widths.settings),
    pad("typed ns/update", 15, right: true), pad("table ns/update", 15, right: true),
    "  goal \(Int(goal)) ns (typed)",
].joined(separator: "  ")
print(header)
print(String(repeating: "-", count: header.count + 6))
for result in results {
    let verdict = result.typedVerdict ?? "— (see below)"
    print(
        [
            pad(result.name, widths.name), pad(result.inputs, widths.inputs), pad(result.settings, widths.settings),
            pad(nanoseconds(result.typedNsPerUpdate, or: "—"), 15, right: true),
            pad(nanoseconds(result.nsPerUpdate, or: "-"), 15, right: true),
            "  \(verdict)\(result.outputsMatch == false ? "  OUTPUTS DIFFER" : "")",
        ].joined(separator: "  "))
}
print()

/// The summary line of one path's verdicts: every O(1)-goal stream under the goal, or the list of those over.
func overLine(_ path: String, _ numbers: [(name: String, nanoseconds: Double, verdict: String)]) -> String {
    let over = numbers.filter { $0.verdict == "over" }
    let timed = numbers.count - numbers.filter { $0.verdict == "per-window statistic" }.count
    if over.isEmpty { return "\(path): all \(timed) O(1)-goal streams at or under \(Int(goal)) ns/update." }
    let list = over.map { "\($0.name) \(String(format: "%.2f", $0.nanoseconds))" }.joined(separator: ", ")
    return "\(path): over \(Int(goal)) ns/update (\(over.count) of \(timed)): \(list)"
}

print(
    overLine(
        "Typed",
        results.compactMap { result in
            guard let value = result.typedNsPerUpdate, let verdict = result.typedVerdict else { return nil }
            return (result.name, value, verdict)
        }))
if !options.typedOnly {
    print(
        overLine(
            "Through the table",
            results.compactMap { result in
                guard let value = result.nsPerUpdate, let verdict = result.verdict else { return nil }
                return (result.name, value, verdict)
            }))
}
let missing = results.filter { $0.typedMissing != nil }
if !missing.isEmpty {
    print("No typed number (—): " + missing.map { "\($0.name) (\($0.typedMissing ?? ""))" }.joined(separator: ", "))
}
let compared = results.filter { $0.outputsMatch != nil }
let differ = compared.filter { $0.outputsMatch == false }
if differ.isEmpty {
    if !compared.isEmpty {
        print("Outputs: the typed and table checksums agree for all \(compared.count) builtins timed both ways.")
    }
} else {
    print(
        "OUTPUTS DIFFER between the typed and table paths (a typed mapping that drifted from its kernel): "
            + differ.map(\.name).joined(separator: ", "))
}
if !skipped.isEmpty {
    print("Not timed: " + skipped.map { "\($0.name) (\($0.reason))" }.joined(separator: ", "))
}
print("checksum \(checksum), typed \(typedChecksum)")

if let path = options.jsonPath {
    let report = StreamReport(
        bars: options.bars, runs: options.runs, windowUpdates: windowUpdates, seed: options.seed,
        goalNanoseconds: goal, cpus: cpus, cpu: cpu, loadAverage: load, loadAverageEnd: loadAfter,
        typedOnly: options.typedOnly, checksum: checksum, typedChecksum: typedChecksum, builtins: results,
        skipped: skipped)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do {
        try encoder.encode(report).write(to: URL(fileURLWithPath: path))
        print("JSON: \(path)")
    } catch {
        StreamTimingOptions.fail("cannot write \(path): \(error)")
    }
}
