import Testing

@testable import SextantStore

@Suite struct ConcurrencyTests {
    static let tasks = 8
    static let fillsPerTask = 200

    @Test func concurrentWritersThroughOneStoreLoseNothing() async throws {
        let fixture = try await StoreFixture()
        try await Self.hammer(stores: Array(repeating: fixture.store, count: Self.tasks))
        try await Self.expectEveryFill(in: fixture)
    }

    @Test func concurrentWritersThroughSeparateConnectionsLoseNothing() async throws {
        // One store per task: separate SQLite connections contending for the file's write lock, as
        // separate processes would. The busy timeout, not luck, must serialize them.
        let fixture = try await StoreFixture()
        let stores = try (0..<Self.tasks).map { _ in try fixture.reopen() }
        try await Self.hammer(stores: stores)
        try await Self.expectEveryFill(in: fixture)
    }

    @Test func readersRunWhileWritersWrite() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        _ = try await store.recordIntent(Samples.order("A"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for index in 0..<200 { try await store.recordFill(Samples.fill("F\(index)", order: "A")) }
            }
            group.addTask {
                var last = 0
                for _ in 0..<200 {
                    let count = try await store.fills(for: "A").count
                    // A reader sees a committed prefix, never a shrinking or partial one.
                    #expect(count >= last)
                    last = count
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.fills(for: "A").count == 200)
    }

    private static func hammer(stores: [SQLiteStore]) async throws {
        for task in 0..<tasks {
            _ = try await stores[task].recordIntent(Samples.order("order-\(task)"))
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
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
            let new = try await group.reduce(0, +)
            #expect(new == tasks * fillsPerTask)
        }
    }

    private static func expectEveryFill(in fixture: StoreFixture) async throws {
        #expect(try await fixture.count("fills") == Int64(tasks * fillsPerTask))
        for task in 0..<tasks {
            let ids = Set(try await fixture.store.fills(for: "order-\(task)").map(\.fillID))
            #expect(ids == Set((0..<fillsPerTask).map { "t\(task)-f\($0)" }))
        }
    }
}
