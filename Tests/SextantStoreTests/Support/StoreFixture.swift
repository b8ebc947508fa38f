import SextantStoreConformance

@testable import SextantStore

/// A store in a scratch folder, with the sample strategy version already recorded (orders need it).
struct StoreFixture {
    let folder: ScratchFolder
    let path: String
    let store: SQLiteStore

    init(file: String = "sextant.sqlite") async throws {
        folder = try ScratchFolder()
        path = folder.path(file)
        store = try SQLiteStore(path: path)
        try await store.recordStrategyVersion(Samples.version)
    }

    /// Opens a second store on the same file (another process would do the same).
    func reopen() throws -> SQLiteStore {
        try SQLiteStore(path: path)
    }

    /// Rows in `table`, counted by SQL rather than through the methods under test.
    func count(_ table: String) async throws -> Int64 {
        try await store.integer(rawSQL: "SELECT count(*) FROM \(table)") ?? -1
    }
}
