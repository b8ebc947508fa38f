internal import PostgresNIO
internal import SextantStore

/// Turns what PostgresNIO, SwiftNIO or the server threw into the `StoreError` the protocol promises.
///
/// The rule the engine depends on: anything that means "the server cannot be reached or cannot serve
/// now" — a refused or lost connection, an administrator's shutdown, a crash restart, too many
/// connections, a serialization failure, a statement or lock timeout — is `unavailable`, which is
/// transient, so the engine holds orders back and retries instead of treating the store as broken.
enum PostgresErrorMapping {
    /// SQLSTATE classes and codes after which the same call can succeed later.
    static let transientStates: Set<String> = [
        "57P01",  // admin_shutdown: pg_terminate_backend, a fast shutdown
        "57P02",  // crash_shutdown
        "57P03",  // cannot_connect_now: starting up or shutting down
        "57014",  // query_canceled: the statement timeout
        "55P03",  // lock_not_available: the lock timeout
        "40001",  // serialization_failure
        "40P01",  // deadlock_detected
    ]

    /// SQLSTATE classes whose every code is transient: 08 connection exception, 53 insufficient
    /// resources (too many connections, disk full, out of memory).
    static let transientClasses: Set<String> = ["08", "53"]

    /// The `StoreError` for `error`, raised by the store at `location` (shown without a password).
    static func storeError(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? PostgresTransactionError {
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            return inner.map { storeError($0, location: location) } ?? .database("transaction failed")
        }
        if let error = error as? PostgresDecodingError {
            return .corrupted(path: location, detail: "unreadable value in column \(error.columnName)")
        }
        if let error = error as? PSQLError { return storeError(error, location: location) }
        if error is IOError || error is ChannelError || error is NIOConnectionError {
            return .unavailable("\(location): \(error)")
        }
        return .database("\(location): \(String(describing: error))")
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The constraint a server error names, if any.
    static func constraint(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.constraintName]
    }

    private static func storeError(_ error: PSQLError, location: String) -> StoreError {
        switch error.code {
        case .server:
            return serverError(error, location: location)
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .queryCancelled:
            return .unavailable("\(location): \(detail(of: error))")
        case .poolClosed:
            return .closed
        case .sslUnsupported, .failedToAddSSLHandler, .unsupportedAuthMechanism, .authMechanismRequiresPassword,
            .saslError:
            return .cannotOpen(path: location, reason: detail(of: error))
        default:
            return .database("\(location): \(detail(of: error))")
        }
    }

    private static func serverError(_ error: PSQLError, location: String) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "server error"
        if transientStates.contains(state) || transientClasses.contains(String(state.prefix(2))) {
            return .unavailable("\(location): \(message) (SQLSTATE \(state))")
        }
        switch state {
        case "28P01", "28000":
            // The server's message names the user; it never contains the password.
            return .cannotOpen(
                path: location,
                reason: "\(message) (check SEXTANT_POSTGRES_PASSWORD, SEXTANT_POSTGRES_PASSWORD_FILE or PGPASSWORD)")
        case "3D000":
            return .cannotOpen(path: location, reason: message)
        case "42P01":
            return .database("\(location): \(message): the database is not migrated (run `sextant db migrate`)")
        default:
            break
        }
        // Class 22 data exception, class 23 integrity constraint violation: the record was refused.
        if state.hasPrefix("22") || state.hasPrefix("23") {
            return .invalidRecord(message)
        }
        return .database("\(location): \(message) (SQLSTATE \(state))")
    }

    /// A message for a client-side PostgresNIO error: its code and underlying cause. (PSQLError's own
    /// description is deliberately generic.)
    private static func detail(of error: PSQLError) -> String {
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        if let message = error.serverInfo?[.message] { return message }
        return "\(error.code)"
    }
}
