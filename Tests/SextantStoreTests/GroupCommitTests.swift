import SextantStoreConformance
import Testing

@testable import SextantStore

@Suite struct GroupCommitTests {
    @Test func aFailingCallInABatchFailsAloneAndTheOthersCommit() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        // Odd calls name a strategy version that does not exist: their bodies throw inside the shared
        // transaction, after their neighbours' inserts.
        let outcomes = await withTaskGroup(of: (Int, StoreError?).self) { group in
            for index in 0..<64 {
                group.addTask {
                    var order = Samples.order("O\(index)")
                    if index % 2 == 1 { order.strategyVersion = "missing" }
                    do {
                        _ = try await store.recordIntent(order)
                        return (index, nil)
                    } catch {
                        return (index, error as? StoreError)
                    }
                }
            }
            return await group.reduce(into: [Int: StoreError?]()) { $0[$1.0] = $1.1 }
        }
        for index in 0..<64 {
            let expected: StoreError? = index % 2 == 1 ? .unknownStrategyVersion(contentHash: "missing") : nil
            #expect(outcomes[index] == expected, "call \(index)")
        }
        #expect(try await fixture.count("orders") == 32)
        let stored = Set(try await store.openOrders().map(\.clientOrderID))
        #expect(stored == Set(stride(from: 0, to: 64, by: 2).map { "O\($0)" }))
    }

    @Test func aCallThatFailsHalfwayLeavesNothingOfItself() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // One call: the first statement succeeds, the second breaks a CHECK constraint.
                await #expect(throws: StoreError.self) {
                    try await store.execute(
                        rawSQL: """
                            INSERT INTO runs VALUES ('half', 0, 'live', 'cfg');
                            INSERT INTO runs VALUES ('bad', 0, 'not-a-mode', 'cfg');
                            """)
                }
            }
            for index in 0..<16 {
                group.addTask {
                    try await store.recordRun(
                        RunRecord(id: "r\(index)", started: .init(0), mode: .live, engineConfigHash: "c"))
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.run(id: "half") == nil)
        #expect(try await fixture.count("runs") == 16)
    }
}
