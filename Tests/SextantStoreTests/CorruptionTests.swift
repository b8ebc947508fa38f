import Foundation
import SextantStoreConformance
import Testing

@testable import SextantStore

@Suite struct CorruptionTests {
    @Test func aTextFileIsNotADatabase() throws {
        let folder = try ScratchFolder()
        let path = folder.path("notes.sqlite")
        try Data(String(repeating: "this is not SQLite\n", count: 500).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteStore(path: path) }
        // Refused, and left exactly as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(4) == Data("this".utf8))
    }

    /// Not-SQLite contents: arbitrary bytes, and bytes behind a genuine SQLite magic string.
    @Test(arguments: [Data(), Data("SQLite format 3\0".utf8)])
    func binaryNoiseIsNotADatabase(prefix: Data) throws {
        let folder = try ScratchFolder()
        let path = folder.path("noise.sqlite")
        var generator = SplitMix64(seed: 7)
        let noise = Data((0..<8192).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        try (prefix + noise).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try SQLiteStore(path: path) }
    }

    @Test func aTruncatedStoreIsReportedAsCorrupted() async throws {
        let fixture = try await StoreFixture()
        for index in 0..<300 { _ = try await fixture.store.recordIntent(Samples.order("O\(index)")) }
        try await fixture.store.close()
        // A copy cut short (a full disk, an interrupted transfer): the header promises pages that are gone.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.path))
        try handle.truncate(atOffset: 4096)
        try handle.close()
        #expect {
            try SQLiteStore(path: fixture.path)
        } throws: { error in
            guard case .corrupted(let path, _) = error as? StoreError else { return false }
            return path == fixture.path
        }
    }

    @Test func aDamagedStoreIsReportedAsCorrupted() async throws {
        let fixture = try await StoreFixture()
        for index in 0..<50 { _ = try await fixture.store.recordIntent(Samples.order("O\(index)")) }
        try await fixture.store.close()

        // Overwrite the schema page after the 100-byte file header: the header still says SQLite, the
        // table definitions are gone.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.path))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 3000))
        try handle.close()

        #expect {
            try SQLiteStore(path: fixture.path)
        } throws: { error in
            guard case .corrupted(let path, _) = error as? StoreError else { return false }
            return path == fixture.path
        }
    }

    @Test func anUnreadableStoredValueIsCorruptionNotACrash() async throws {
        let fixture = try await StoreFixture()
        _ = try await fixture.store.recordIntent(Samples.order("A"))
        try await fixture.store.execute(
            rawSQL: "PRAGMA ignore_check_constraints = ON; UPDATE orders SET state = 'exploded'")
        await #expect(
            throws: StoreError.corrupted(path: fixture.path, detail: "unreadable value exploded in orders.state")
        ) {
            try await fixture.store.order(clientOrderID: "A")
        }
    }

    @Test(arguments: ["PRAGMA application_id = 42", "PRAGMA application_id = 0"])
    func anotherApplicationsDatabaseIsLeftAlone(pragma: String) async throws {
        // A Sextant file relabelled: with another application's ID, or with no ID but tables of its own.
        let fixture = try await StoreFixture()
        try await fixture.store.execute(rawSQL: pragma)
        try await fixture.store.close()
        #expect(throws: StoreError.foreignDatabase(path: fixture.path)) { try fixture.reopen() }
    }

    @Test func aStoreMigratedByANewerSextantIsRefused() async throws {
        let fixture = try await StoreFixture()
        try await fixture.store.execute(
            rawSQL: "INSERT INTO grdb_migrations (identifier) VALUES ('v99_from_the_future')")
        try await fixture.store.close()
        #expect(throws: StoreError.newerSchema(path: fixture.path)) { try fixture.reopen() }
    }

    @Test func aFolderInPlaceOfTheFileCannotBeOpened() throws {
        let folder = try ScratchFolder()
        let path = folder.path("taken")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect {
            try SQLiteStore(path: path)
        } throws: { error in
            guard case .cannotOpen(let errorPath, _) = error as? StoreError else { return false }
            return errorPath == path
        }
    }

    @Test func anEmptyFileBecomesAStore() async throws {
        let folder = try ScratchFolder()
        let path = folder.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try SQLiteStore(path: path)
        try await store.recordRun(Samples.run)
        #expect(try await store.run(id: Samples.run.id) == Samples.run)
    }
}
