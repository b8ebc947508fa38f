// The engine's bar latency (scripts/bench-engine.sh): many symbols × several strategies on 1-minute bars,
// timing each bar from its close (the bars handed to the engine) to every order intent routed — the
// paper venue's fills at the open, every host's stream evaluation and decisions, the risk gate, and the
// router (with the store's intent write when `--store sqlite`). A plain release executable like
// IndicatorTiming, so no benchmark runtime sits in the loop.
//
//   EngineTiming [--symbols N] [--bars N] [--warmup N] [--store none|sqlite|postgres://…] [--bus redis://…]
//                [--strategies a.yaml,b.yaml]
//
// With a store it also prints the fills recorded per second over the timed bars' wall-clock time (from
// the first timed bar handed over to the last write landed, acknowledgements written between bars
// included; each fill is stored with its order's state and the position, as the engine does); with a
// bus every event is published too.

import Foundation
import IndicatorBenchSupport
import SextantBacktest
import SextantBus
import SextantCore
import SextantEngine
import SextantLanguage
import SextantPostgres
import SextantStore

struct Options {
    var symbols = 500
    var bars = 1500
    var warmup = 300
    var store = "none"
    var bus: String?
    var strategies = ["sma_cross.yaml", "rsi_mean_reversion.yaml", "bollinger_breakout.yaml"]

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--symbols": symbols = iterator.next().flatMap { Int($0) } ?? symbols
            case "--bars": bars = iterator.next().flatMap { Int($0) } ?? bars
            case "--warmup": warmup = iterator.next().flatMap { Int($0) } ?? warmup
            case "--store": store = iterator.next() ?? store
            case "--bus": bus = iterator.next()
            case "--strategies": strategies = iterator.next().map { $0.split(separator: ",").map(String.init) } ?? []
            default:
                print(
                    "usage: EngineTiming [--symbols N] [--bars N] [--warmup N] [--store none|sqlite] [--strategies …]")
                exit(2)
            }
        }
    }
}

/// Counts events without keeping them: the engine's cost, not a sink's.
final class CountingSink: EventSink, @unchecked Sendable {
    nonisolated(unsafe) var orders = 0
    nonisolated(unsafe) var fills = 0
    nonisolated(unsafe) var errors = 0
    nonisolated(unsafe) var events = 0
    let forward: (any EventSink)?
    init(forward: (any EventSink)? = nil) { self.forward = forward }
    func emit(_ event: EngineEvent) {
        if event.kind == .order { orders += 1 }
        if event.kind == .fill { fills += 1 }
        if event.kind == .error { errors += 1 }
        events += 1
        forward?.emit(event)
    }
    func flush() { forward?.flush() }
}

let options = Options(arguments: CommandLine.arguments)
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
var strategies: [(CheckedStrategy, String)] = []
for name in options.strategies {
    let path = root.appendingPathComponent("Strategies").appendingPathComponent(name).path
    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
    guard case .strategy(let strategy) = Linter.lint(path: path).checked else {
        print("error: \(path) is not a valid strategy")
        exit(1)
    }
    strategies.append((strategy, StrategyVersion.of(bytes)))
}

// One synthetic random walk per symbol (the indicator benchmarks' generator, one seed per symbol).
let start: Int64 = 1_767_225_600  // 2026-01-01T00:00:00Z, a minute boundary
let series = (0..<options.symbols).map {
    SyntheticBars(count: options.bars, seed: SyntheticBars.defaultSeed &+ UInt64($0))
}
let symbols = (0..<options.symbols).map { "S\($0)" }

var settings = BacktestSettings()
settings.cash = 100_000
settings.commission = Commission(rate: 0.001)
var hosts: [StrategyHost] = []
for symbol in symbols {
    for (strategy, version) in strategies {
        var own = settings
        own.fill = strategy.document.orders.fill
        own.direction = strategy.document.orders.direction
        hosts.append(StrategyHost(strategy, symbol: symbol, version: version, settings: own))
    }
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-engine-timing-\(getpid())")
var store: (any TradingStore)?
if options.store == "sqlite" {
    store = try SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path)
} else if PostgresLocation.isPostgresURL(options.store) {
    store = try await PostgresStore.open(try PostgresLocation(url: options.store))
}
var bus: RedisBus?
if let url = options.bus {
    bus = try RedisBus(configuration: BusConfiguration(url: try BusURL(url), account: "bench", engineID: "timing"))
}
let sink = CountingSink(forward: bus.map { BusEventSink($0) })
// As `sextant run` does: with a store, the run's own records (risk events, equity at every bar) too.
let runRecord = RunRecord(
    id: UUID().uuidString.lowercased(), started: EpochMilliseconds(Int64(Date().timeIntervalSince1970 * 1000)),
    mode: .dryRun, engineConfigHash: "engine-timing")
let engine = DryRunEngine(
    hosts: hosts, gate: RiskGate(policy: nil), events: sink, store: store, run: store == nil ? nil : runRecord)

var latencies: [Double] = []
latencies.reserveCapacity(options.bars)
var ordersBefore = 0
var fillsBefore = 0
var eventsBefore = 0
var timedStart: UInt64?
for index in 0..<options.bars {
    let time = start + Int64(index) * 60
    var bars: [String: Bar] = [:]
    bars.reserveCapacity(symbols.count)
    for (symbol, walk) in zip(symbols, series) {
        bars[symbol] = Bar(
            time: time, open: walk.open[index], high: walk.high[index], low: walk.low[index],
            close: walk.close[index], volume: walk.volume[index])
    }
    let began = DispatchTime.now().uptimeNanoseconds
    if index == options.warmup { timedStart = began }
    await engine.step(bars, time: time)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6
    if index >= options.warmup {
        latencies.append(elapsed)
    } else {
        ordersBefore = sink.orders
        fillsBefore = sink.fills
        eventsBefore = sink.events
    }
}
bus?.close()
try? FileManager.default.removeItem(at: folder)

await engine.finishWrites()
let timedSeconds = Double(DispatchTime.now().uptimeNanoseconds - (timedStart ?? 0)) / 1e9
let sorted = latencies.sorted()
func percentile(_ p: Double) -> Double {
    sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))]
}
let measured = sorted.count
print(
    "engine: \(options.symbols) symbols × \(strategies.count) strategies = \(hosts.count) hosts, 1-minute bars, store \(options.store)"
)
print(
    "bars timed: \(measured) (after \(options.warmup) warm-up bars); orders routed in them: \(sink.orders - ordersBefore); events: \(sink.events - eventsBefore); errors: \(sink.errors)"
)
print(
    String(
        format: "bar close → every intent routed, ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  (goal p99 < 5 ms)",
        percentile(0.5), percentile(0.9), percentile(0.99), sorted.last ?? .nan))
print(String(format: "per host per bar: %.2f µs (p50)", percentile(0.5) * 1000 / Double(max(1, hosts.count))))
if store != nil {
    let fills = sink.fills - fillsBefore
    print(
        String(
            format: "fills recorded in the timed bars: %d in %.2f s = %.0f fills/s (store %@%@)", fills,
            timedSeconds, Double(fills) / max(timedSeconds, 1e-9),
            options.store.hasPrefix("postgres") ? "postgres" : options.store,
            options.bus == nil ? "" : ", bus on"))
}
