import Foundation
import SextantStoreConformance
import Testing

@testable import SextantStore

@Suite struct CrashRecoveryTests {
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
}
