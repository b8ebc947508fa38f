import Foundation
import Testing

@testable import SextantStore

@Suite struct CrashRecoveryTests {
    @Test func aReopenedStoreHandsBackTheIntentsToReconcile() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        _ = try await store.recordIntent(Samples.order("sent-not-acked", created: 1000))
        _ = try await store.recordIntent(Samples.order("acked", created: 2000))
        try await store.updateOrderState(clientOrderID: "acked", to: .acknowledged, venueOrderID: "V2", at: .init(2500))
        _ = try await store.recordIntent(Samples.order("done", created: 3000))
        try await store.updateOrderState(clientOrderID: "done", to: .filled, at: .init(3500))
        try await store.close()

        let restarted = try fixture.reopen()
        #expect(try await restarted.unsentIntents() == [Samples.order("sent-not-acked", created: 1000)])
        #expect(try await restarted.openOrders().map(\.clientOrderID) == ["sent-not-acked", "acked"])
        // The restart decides the same order again: the store answers that it exists.
        let replay = try await restarted.recordIntent(Samples.order("sent-not-acked", created: 9999))
        #expect(!replay.wasInserted)
        #expect(replay.order.created == EpochMilliseconds(1000))
    }

    @Test func anIntentSurvivesTheProcessDyingWithoutClosing() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        try await fixture.store.recordFill(Samples.fill("F1", order: "A"))

        // What a SIGKILL leaves: the files as they are on disk at this instant, the store never closed
        // and no checkpoint run. Copying the database and its WAL (but not the shared-memory index,
        // which recovery rebuilds) and opening the copy is opening the store after such a kill.
        let crashed = fixture.folder.path("crashed.sqlite")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: crashed)
        if FileManager.default.fileExists(atPath: fixture.path + "-wal") {
            try FileManager.default.copyItem(atPath: fixture.path + "-wal", toPath: crashed + "-wal")
        }

        let restarted = try SQLiteStore(path: crashed)
        #expect(try await restarted.unsentIntents() == [Samples.order("A")])
        #expect(try await restarted.fills(for: "A") == [Samples.fill("F1", order: "A")])
    }

    @Test func aSecondConnectionSeesEveryCommittedIntent() async throws {
        let fixture = try await StoreFixture()
        let other = try fixture.reopen()
        for index in 0..<20 {
            _ = try await fixture.store.recordIntent(Samples.order("O\(index)", created: Int64(index)))
            // Committed means visible to another connection at once, not after some later flush.
            #expect(try await other.order(clientOrderID: "O\(index)") != nil)
        }
    }
}
