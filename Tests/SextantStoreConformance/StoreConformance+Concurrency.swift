import SextantStore

extension StoreConformance {
    static let tasks = 8
    static let fillsPerTask = 100

    static let concurrencyChecks: [StoreCheck] = [
        StoreCheck("concurrent writers through one store lose nothing") { harness in
            try await hammer(Array(repeating: harness.store, count: tasks))
            try await expectEveryFill(harness)
        },
        StoreCheck("concurrent writers through separate stores on one database lose nothing") { harness in
            // One store per task, as separate processes would have: the database, not luck, serializes them.
            var stores: [any TradingStore] = []
            for _ in 0..<tasks { stores.append(try await harness.reopen()) }
            try await hammer(stores)
            try await expectEveryFill(harness)
            for store in stores { try await store.close() }
        },
        StoreCheck("readers see a growing committed prefix while a writer writes") { harness in
            let store = harness.store
            _ = try await store.recordIntent(Samples.order("A"))
            let shrank = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for index in 0..<200 { try await store.recordFill(Samples.fill("F\(index)", order: "A")) }
                    return false
                }
                group.addTask {
                    var last = 0
                    for _ in 0..<200 {
                        let count = try await store.fills(for: "A").count
                        if count < last { return true }
                        last = count
                    }
                    return false
                }
                return try await group.reduce(false) { $0 || $1 }
            }
            try expect(!shrank, "a reader saw the fills shrink")
            try expectEqual(try await store.fills(for: "A").count, 200, "fills")
        },
    ]

    private static func hammer(_ stores: [any TradingStore]) async throws {
        for task in 0..<tasks {
            _ = try await stores[task].recordIntent(Samples.order("order-\(task)"))
        }
        let new = try await withThrowingTaskGroup(of: Int.self) { group in
            for (task, store) in stores.enumerated() {
                group.addTask {
                    var new = 0
                    for index in 0..<fillsPerTask {
                        let fill = Samples.fill("t\(task)-f\(index)", order: "order-\(task)")
                        if try await store.recordFill(fill) { new += 1 }
                    }
                    return new
                }
            }
            return try await group.reduce(0, +)
        }
        try expectEqual(new, tasks * fillsPerTask, "new fills")
    }

    private static func expectEveryFill(_ harness: any StoreHarness) async throws {
        try expectEqual(try await harness.count("fills"), Int64(tasks * fillsPerTask), "fill rows")
        for task in 0..<tasks {
            let ids = Set(try await harness.store.fills(for: "order-\(task)").map(\.fillID))
            try expectEqual(ids, Set((0..<fillsPerTask).map { "t\(task)-f\($0)" }), "fills of task \(task)")
        }
    }
}
