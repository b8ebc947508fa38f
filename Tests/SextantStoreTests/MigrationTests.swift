import Foundation
import SextantStoreConformance
import Testing

@testable import SextantStore

@Suite struct MigrationTests {
    @Test func openingTwiceAppliesEachMigrationOnce() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        try await fixture.store.close()

        // A second open must find the schema complete: re-running v1 would fail on CREATE TABLE.
        let reopened = try fixture.reopen()
        #expect(try await reopened.integer(rawSQL: "SELECT count(*) FROM grdb_migrations") == 1)
        #expect(try await reopened.text(rawSQL: "SELECT identifier FROM grdb_migrations") == "v1_trading_records")
        #expect(try await reopened.order(clientOrderID: "A") == Samples.order("A"))
        let third = try fixture.reopen()
        #expect(try await third.integer(rawSQL: "SELECT count(*) FROM grdb_migrations") == 1)
    }

    @Test func createsEveryTable() async throws {
        let fixture = try await StoreFixture()
        let tables = [
            "strategy_versions", "runs", "orders", "fills", "positions", "risk_events", "equity_snapshots",
        ]
        for table in tables {
            let exists = try await fixture.store.integer(
                rawSQL: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '\(table)'")
            #expect(exists == 1, "table \(table)")
        }
    }

    @Test func marksTheFileAsASextantStore() async throws {
        let fixture = try await StoreFixture()
        // "SEXT" in ASCII.
        #expect(try await fixture.store.integer(rawSQL: "PRAGMA application_id") == 0x5345_5854)
    }

    @Test func createsTheFoldersOfItsPath() async throws {
        let folder = try ScratchFolder()
        let path = folder.path("var/nested/sextant.sqlite")
        let store = try SQLiteStore(path: path)
        try await store.recordRun(Samples.run)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func defaultPathIsUnderVar() {
        #expect(SQLiteStore.defaultPath == "var/sextant.sqlite")
    }

    @Test func twoStoresOpeningANewFileTogetherBothSucceed() async throws {
        let folder = try ScratchFolder()
        let path = folder.path("race.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { _ = try SQLiteStore(path: path) }
            }
            try await group.waitForAll()
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.integer(rawSQL: "SELECT count(*) FROM grdb_migrations") == 1)
    }
}
