/// Why a store operation failed. Every `TradingStore` method throws only this type, whatever the
/// database behind it, so the engine handles one set of cases.
///
/// `isTransient` tells the engine what to do: a transient failure (the database was locked, unreachable
/// or out of space) left nothing written and the same call may be retried, while trading must stop
/// sending orders until it succeeds; any other failure is a bug or a damaged store and retrying will not
/// help.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or created (missing folder permissions, a directory in
    /// its place, a read-only file).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database whose content is damaged.
    case corrupted(path: String, detail: String)
    /// The file is an SQLite database of another application; the store refuses to add its tables to it.
    case foreignDatabase(path: String)
    /// The database was migrated by a newer Sextant whose schema this build does not know.
    case newerSchema(path: String)
    /// The store was closed.
    case closed
    /// The calling task was cancelled before the transaction committed; nothing was written.
    case cancelled
    /// The database could not be reached, was locked beyond the busy timeout, or could not write (disk
    /// full, I/O error). Nothing was written; the call may be retried.
    case unavailable(String)
    /// No order has this client order ID.
    case orderNotFound(clientOrderID: String)
    /// An order names a strategy version that was never recorded.
    case unknownStrategyVersion(contentHash: String)
    /// An equity snapshot names a run that was never recorded.
    case unknownRun(id: String)
    /// A record breaks a rule of the schema (a non-positive quantity, a NaN price, a limit order without
    /// a limit price, details that are not JSON).
    case invalidRecord(String)
    /// Any other database failure, with the database's own message.
    case database(String)

    /// Whether the same call may succeed if retried later.
    public var isTransient: Bool {
        if case .unavailable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the store at \(path): \(reason)"
        case .notADatabase(let path): "\(path) is not an SQLite database"
        case .corrupted(let path, let detail): "the store at \(path) is damaged: \(detail)"
        case .foreignDatabase(let path): "\(path) is the SQLite database of another application, not a Sextant store"
        case .newerSchema(let path):
            "the store at \(path) was migrated by a newer version of Sextant; upgrade to use it"
        case .closed: "the store is closed"
        case .cancelled: "the store operation was cancelled"
        case .unavailable(let reason): "the store is unavailable (retry later): \(reason)"
        case .orderNotFound(let id): "no order has the client order ID \(id)"
        case .unknownStrategyVersion(let hash): "no strategy version has the content hash \(hash)"
        case .unknownRun(let id): "no run has the ID \(id)"
        case .invalidRecord(let reason): "invalid record: \(reason)"
        case .database(let message): "database error: \(message)"
        }
    }
}
