internal import Foundation
internal import GRDB
internal import Synchronization

/// The embedded store: one SQLite file (default `var/sextant.sqlite`) through GRDB.
///
/// - **Connections.** A GRDB `DatabasePool`: the WAL journal lets readers (a dashboard, `openOrders()`)
///   run while the engine writes, and the single writer connection serializes every write transaction,
///   so concurrent tasks never interleave inside one. Writes use `BEGIN IMMEDIATE`, and a busy timeout
///   lets a second process (another `sextant` command on the same file) wait for the lock instead of
///   failing at once.
/// - **Group commit.** Writes that arrive while a commit is syncing share the next transaction, each in
///   its own savepoint (`WriteBatcher`): concurrent callers pay for one sync between them.
/// - **Durability.** `PRAGMA synchronous = FULL` by default: SQLite syncs the WAL on every commit, so a
///   transaction that returned is on stable storage. With WAL, `NORMAL` survives a crash of the process
///   but may lose the last transactions on a power failure or kernel crash — and a lost intent whose
///   order was sent is exactly the duplicate the intent exists to prevent. `Durability.normal` is there
///   for throwaway runs (backtests) only.
/// - **Schema.** Versioned migrations (`SQLiteMigrations`) run when the store opens, each in its own
///   transaction; opening an up-to-date store applies nothing.
/// - **Times** are stored as INTEGER milliseconds since the epoch (`*_ms` columns); bar times as INTEGER
///   seconds (`bar_time`), as `Bar.time`.
///
/// ```swift
/// let store = try SQLiteStore()                       // var/sextant.sqlite, created if missing
/// let intent = try await store.recordIntent(order)    // committed and synced: now send it
/// ```
public final class SQLiteStore: TradingStore {
    /// Where the store lives unless told otherwise, relative to the working directory.
    public static let defaultPath = "var/sextant.sqlite"

    /// How long a write waits for another process's lock before failing with `StoreError.unavailable`.
    public static let busyTimeoutSeconds: Double = 10

    /// The database file.
    public let path: String

    /// The sync level the store was opened with.
    public let durability: Durability

    let pool: DatabasePool

    /// Every write goes through it, so concurrent writes share one synced commit.
    private let batcher: WriteBatcher

    /// Set by `close()`. GRDB reports work on a closed connection as an SQLite misuse whose message is
    /// not about closing at all, so the store answers `StoreError.closed` itself.
    private let isClosed = Atomic<Bool>(false)

    /// Opens (creating the file and its folder if needed) and migrates the store at `path`.
    /// - Throws: `StoreError.cannotOpen`, `.notADatabase`, `.corrupted`, `.foreignDatabase` or
    ///   `.newerSchema` when the file cannot become a Sextant store.
    public init(path: String = SQLiteStore.defaultPath, durability: Durability = .full) throws {
        self.path = path
        self.durability = durability
        do {
            try Self.createFolder(containing: path)
            // A plain connection looks at the file before the pool switches it to WAL: a file that is
            // not ours must come back unchanged.
            let probe = try DatabaseQueue(path: path, configuration: Self.configuration())
            try probe.read { db in try SQLiteMigrations.checkOwnership(db, path: path) }
            try probe.close()

            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // Set after the pool exists: GRDB sets `synchronous = NORMAL` on the writer when it turns WAL
            // on, after any `prepareDatabase` hook has run. The writer connection lives as long as the
            // pool, so this holds for every write (DurabilityTests reads it back).
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
            }
            try Self.migrate(pool)
            batcher = WriteBatcher(pool: pool)
        } catch {
            throw SQLiteErrorMapping.storeError(error, path: path)
        }
    }

    /// Closes every connection. Later calls throw `StoreError.closed`.
    public func close() async throws {
        // Marked first, so a call racing with the close reports `closed` rather than GRDB's misuse error.
        isClosed.store(true, ordering: .sequentiallyConsistent)
        do {
            try pool.close()
        } catch {
            // GRDB leaves a pool it could not close fully open.
            isClosed.store(false, ordering: .sequentiallyConsistent)
            throw SQLiteErrorMapping.storeError(error, path: path)
        }
    }

    /// Runs `updates` atomically (a savepoint of the next group transaction on the writer connection);
    /// returns after that transaction is committed and synced.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard !isClosed.load(ordering: .sequentiallyConsistent) else { throw StoreError.closed }
        do {
            return try await batcher.write(updates)
        } catch {
            throw storeError(error)
        }
    }

    /// Runs `value` on a reader connection, in a snapshot of the last committed state.
    func read<T: Sendable>(_ value: @Sendable (Database) throws -> T) async throws -> T {
        guard !isClosed.load(ordering: .sequentiallyConsistent) else { throw StoreError.closed }
        do {
            return try await pool.read(value)
        } catch {
            throw storeError(error)
        }
    }

    /// The `StoreError` for a failure of an operation; one that raced with `close()` is `closed`.
    private func storeError(_ error: any Error) -> StoreError {
        isClosed.load(ordering: .sequentiallyConsistent) ? .closed : SQLiteErrorMapping.storeError(error, path: path)
    }

    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = SQLiteMigrations.migrator
        do {
            try migrator.migrate(pool)
        } catch {
            // Two processes opening a new file together both see v1 missing (GRDB reads the applied list
            // before each migration's transaction); the loser's CREATE TABLE fails. The schema is then
            // complete all the same.
            guard try pool.read({ db in try migrator.hasCompletedMigrations(db) }) else { throw error }
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.label = "sextant.store"
        return configuration
    }

    private static func createFolder(containing path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder.path): \(error)")
        }
    }
}
