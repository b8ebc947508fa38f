internal import GRDB

/// Turns whatever GRDB or SQLite threw into the `StoreError` the protocol promises.
enum SQLiteErrorMapping {
    /// The `StoreError` for `error`, raised by the store at `path`.
    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? UnreadableRow {
            return .corrupted(path: path, detail: "unreadable value \(error.value) in \(error.column)")
        }
        if error is RowDecodingError {
            return .corrupted(path: path, detail: "\(error)")
        }
        guard let error = error as? DatabaseError else { return .database("\(error)") }
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return .notADatabase(path: path)
        case .SQLITE_CORRUPT, .SQLITE_FORMAT:
            return .corrupted(path: path, detail: message)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .cannotOpen(path: path, reason: message)
        // Nothing was written and a later attempt can succeed: the lock is released, space is freed, the
        // device comes back. The engine must then hold orders back rather than send without an intent.
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_NOMEM, .SQLITE_INTERRUPT:
            return .unavailable("\(path): \(message)")
        case .SQLITE_CONSTRAINT:
            return .invalidRecord(message)
        default:
            return .database("\(path): \(message) (SQLite code \(error.extendedResultCode.rawValue))")
        }
    }
}
