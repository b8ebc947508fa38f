// Inserts per second into the embedded store with durability on (scripts/bench-store.sh): each call is
// one committed, synced transaction, as the engine makes them. A plain release executable like
// IndicatorTiming, so no benchmark runtime or malloc interposer sits between the store and the disk.
//
//   StoreTiming [--dir FOLDER] [--count N]
//
// FOLDER is where the scratch databases go (default: the system's temporary folder); put it on the disk
// the engine will use, since the sync cost is the disk's.

import Foundation
import SextantStore

struct Options {
    var folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-store-timing-\(getpid())")
    var count = 2000

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--dir": if let value = iterator.next() { folder = URL(fileURLWithPath: value) }
            case "--count": if let value = iterator.next(), let number = Int(value) { count = number }
            default:
                print("usage: StoreTiming [--dir FOLDER] [--count N]")
                exit(2)
            }
        }
    }
}

/// Per-call latencies of one scenario.
struct Sample {
    var name: String
    var calls: Int
    var seconds: Double
    var latencies: [Double]

    func report() -> String {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] * 1e6 }
        let rate = Double(calls) / seconds
        return String(
            format: "%-52@ %9.0f /s   p50 %7.0f µs   p99 %7.0f µs", name as NSString, rate, percentile(0.5),
            percentile(0.99))
    }
}

let options = Options(arguments: CommandLine.arguments)
try FileManager.default.createDirectory(at: options.folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: options.folder) }

let version = StrategyVersionRecord(
    contentHash: "bench", name: "bench", path: "bench.yaml", source: "", seenAt: EpochMilliseconds(0))

func order(_ id: String) -> OrderRecord {
    OrderRecord(
        clientOrderID: id, strategyVersion: "bench", symbol: "GOOG", side: .buy, quantity: 1_000_000, kind: .market,
        barTime: 0, rule: "entry.long", leg: "main", created: EpochMilliseconds(0))
}

func fill(_ id: Int, order: String) -> FillRecord {
    FillRecord(
        venue: "paper", fillID: "f\(id)", clientOrderID: order, quantity: 1, price: 100 + Double(id % 100) / 100,
        commission: 0.01, time: EpochMilliseconds(Int64(id)))
}

func freshStore(_ name: String, durability: SQLiteStore.Durability) async throws -> SQLiteStore {
    let store = try SQLiteStore(
        path: options.folder.appendingPathComponent("\(name).sqlite").path, durability: durability)
    try await store.recordStrategyVersion(version)
    for task in 0..<8 { _ = try await store.recordIntent(order("order-\(task)")) }
    return store
}

/// Runs `tasks` tasks that each make `perTask` calls of `body(task, index)`, timing every call.
func measure(
    _ name: String, tasks: Int = 1, perTask: Int, _ body: @escaping @Sendable (Int, Int) async throws -> Void
) async throws -> Sample {
    let clock = ContinuousClock()
    let start = clock.now
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for task in 0..<tasks {
            group.addTask {
                var own: [Double] = []
                own.reserveCapacity(perTask)
                for index in 0..<perTask {
                    let callStart = clock.now
                    try await body(task, index)
                    let elapsed = clock.now - callStart
                    own.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                }
                return own
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    let total = clock.now - start
    let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) * 1e-18
    return Sample(name: name, calls: tasks * perTask, seconds: seconds, latencies: latencies)
}

/// The floor under any synced commit: one 4 KiB write and fsync of a plain file.
func fsyncFloor(count: Int) throws -> Sample {
    let url = options.folder.appendingPathComponent("fsync.bin")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    let page = Data(repeating: 0x5A, count: 4096)
    let clock = ContinuousClock()
    var latencies: [Double] = []
    let start = clock.now
    for _ in 0..<count {
        let callStart = clock.now
        try handle.write(contentsOf: page)
        try handle.synchronize()
        let elapsed = clock.now - callStart
        latencies.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    let total = clock.now - start
    let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) * 1e-18
    return Sample(
        name: "floor: write(4 KiB) + fsync of a plain file", calls: count, seconds: seconds, latencies: latencies)
}

let count = options.count
print("StoreTiming: \(count) calls per scenario in \(options.folder.path)")
print(try fsyncFloor(count: count).report())

let full = try await freshStore("fills-full", durability: .full)
print(
    try await measure("recordFill, 1 task, synchronous=FULL", perTask: count) { _, index in
        try await full.recordFill(fill(index, order: "order-0"))
    }.report())

let engine = try await freshStore("fills-engine", durability: .full)
print(
    try await measure("recordFill + order state + position, FULL", perTask: count) { _, index in
        let position = PositionRecord(
            strategy: "bench", symbol: "GOOG", quantity: Double(index + 1), averagePrice: 100,
            updated: EpochMilliseconds(Int64(index)))
        try await engine.recordFill(
            fill(index, order: "order-0"),
            orderState: OrderStateUpdate(state: .partiallyFilled, time: EpochMilliseconds(Int64(index))),
            position: position)
    }.report())

let concurrent = try await freshStore("fills-concurrent", durability: .full)
print(
    try await measure("recordFill, 8 tasks, FULL", tasks: 8, perTask: count / 8) { task, index in
        try await concurrent.recordFill(fill(task * 1_000_000 + index, order: "order-\(task)"))
    }.report())

let intents = try await freshStore("intents-full", durability: .full)
print(
    try await measure("recordIntent, 1 task, FULL", perTask: count) { _, index in
        _ = try await intents.recordIntent(order("intent-\(index)"))
    }.report())

let normal = try await freshStore("fills-normal", durability: .normal)
print(
    try await measure("recordFill, 1 task, synchronous=NORMAL (no sync)", perTask: count) { _, index in
        try await normal.recordFill(fill(index, order: "order-0"))
    }.report())

for store in [full, engine, concurrent, intents, normal] { try await store.close() }
