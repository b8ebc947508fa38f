import Testing

@testable import SextantStore

@Suite struct DurabilityTests {
    /// `PRAGMA synchronous` values: 1 NORMAL, 2 FULL.
    @Test(arguments: [(SQLiteStore.Durability.full, Int64(2)), (.normal, 1)])
    func setsTheSyncLevelOnTheWriter(durability: SQLiteStore.Durability, pragma: Int64) async throws {
        let folder = try ScratchFolder()
        let store = try SQLiteStore(path: folder.path("s.sqlite"), durability: durability)
        #expect(try await store.integer(rawSQL: "PRAGMA synchronous") == pragma)
    }

    @Test func defaultsToFullSync() async throws {
        let fixture = try await StoreFixture()
        #expect(fixture.store.durability == .full)
        #expect(try await fixture.store.integer(rawSQL: "PRAGMA synchronous") == 2)
    }

    @Test func usesTheWriteAheadLog() async throws {
        let fixture = try await StoreFixture()
        #expect(try await fixture.store.text(rawSQL: "PRAGMA journal_mode") == "wal")
    }

    @Test func enforcesForeignKeys() async throws {
        let fixture = try await StoreFixture()
        #expect(try await fixture.store.integer(rawSQL: "PRAGMA foreign_keys") == 1)
    }
}
