import ArgumentParser
import Foundation
import SextantPostgres
import SextantStore

/// `--store URL`, with `SEXTANT_STORE` as the default: which Postgres database a command uses.
///
/// A URL never carries a password (`PostgresLocation` refuses one); the password comes from
/// `SEXTANT_POSTGRES_PASSWORD`, `SEXTANT_POSTGRES_PASSWORD_FILE` or `PGPASSWORD`.
struct StoreOption: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help:
            "The Postgres store: postgres://USER@HOST:PORT/DATABASE (default: $SEXTANT_STORE; password from $SEXTANT_POSTGRES_PASSWORD)."
    )
    var url: String?

    /// The URL given or from the environment, if any.
    var resolved: String? {
        url ?? ProcessInfo.processInfo.environment["SEXTANT_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The store's location; a missing or malformed URL is a usage error (exit status 2).
    func location(for what: String) throws -> PostgresLocation {
        guard let text = resolved else {
            throw ValidationError(
                "\(what) needs a store: give --store postgres://USER@HOST:PORT/DATABASE or set SEXTANT_STORE")
        }
        do {
            return try PostgresLocation(url: text)
        } catch {
            throw ValidationError("--store: \(error)")
        }
    }

    /// Opens the store; a failure (unreachable server, refused login, newer schema) is printed and is
    /// exit status 1.
    func open(for what: String, options: PostgresStoreOptions = PostgresStoreOptions()) async throws -> PostgresStore {
        let location = try location(for: what)
        do {
            return try await PostgresStore.open(location, options: options)
        } catch {
            throw Self.fail("\(error)")
        }
    }

    /// Prints `error: message` on standard error and returns exit status 1 to throw.
    static func fail(_ message: String) -> ExitCode {
        var standardError = StandardError()
        print("error: \(message)", to: &standardError)
        return ExitCode(1)
    }
}
