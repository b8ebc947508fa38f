internal import Foundation
public import SextantStore

/// Where a Postgres store lives, parsed from a `postgres://USER@HOST:PORT/DATABASE?sslmode=MODE` URL,
/// and the password to log in with, taken from the environment — never from the URL.
///
/// A URL is written in engine files, shell histories and logs, so it must never carry a secret: one
/// with a password (`postgres://user:secret@host/db`) is refused, and the error does not repeat it. The
/// password comes, first found, from `SEXTANT_POSTGRES_PASSWORD`, from the file named by
/// `SEXTANT_POSTGRES_PASSWORD_FILE` (trailing newline removed), or from libpq's `PGPASSWORD`; with none
/// of them the connection tries without one (trust or peer authentication).
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://sextant@db.internal:5432/trading")
/// location.description  // "postgres://sextant@db.internal:5432/trading" — never a password
/// ```
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted (`sslmode=` in the URL, libpq's names).
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP (`sslmode=disable`): loopback and test servers.
        case disable
        /// TLS when the server offers it, plain otherwise (`sslmode=prefer`, the default).
        case prefer
        /// TLS with the server's certificate verified, or no connection (`sslmode=require`).
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port (5432 unless given).
    public var port: Int
    /// The role to log in as (`postgres` unless given).
    public var user: String
    /// The database (the user's name unless given).
    public var database: String
    /// Encryption of the connection.
    public var tls: TLSMode
    /// The password, from the environment; never printed (`description` leaves it out).
    public var password: String?

    /// The environment variables a password is read from, in order of precedence.
    public static let passwordVariables = ["SEXTANT_POSTGRES_PASSWORD", "SEXTANT_POSTGRES_PASSWORD_FILE", "PGPASSWORD"]

    /// Parses `url`, reading the password from `environment` (the process's environment when nil).
    /// - Throws: `StoreError.cannotOpen` naming what is wrong (the URL in the error has no password).
    public init(url: String, environment: [String: String]? = nil) throws(StoreError) {
        let shown = Self.redacted(url)
        func refuse(_ reason: String) -> StoreError { .cannotOpen(path: shown, reason: reason) }
        guard let scheme = url.range(of: "://"), ["postgres", "postgresql"].contains(url[..<scheme.lowerBound])
        else {
            throw refuse("a Postgres store URL starts with postgres:// (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard let components = URLComponents(string: url) else { throw refuse("not a valid URL") }
        if components.password != nil {
            throw refuse(
                "the URL must not contain a password; set SEXTANT_POSTGRES_PASSWORD or "
                    + "SEXTANT_POSTGRES_PASSWORD_FILE (a file outside the repository) instead")
        }
        guard var host = components.host, !host.isEmpty else { throw refuse("the URL names no host") }
        // An IPv6 literal comes bracketed, as written in the URL; the connection wants the address.
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host
        port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw refuse("port \(port) is out of range") }
        user = components.user.flatMap { $0.removingPercentEncoding }.flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw refuse("the path must be one database name, got `\(path)`") }
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
        tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    throw refuse("sslmode must be disable, prefer or require, got `\(item.value ?? "")`")
                }
                tls = mode
            default:
                throw refuse("unknown URL parameter `\(item.name)` (known: sslmode)")
            }
        }
        password = try Self.password(from: environment ?? ProcessInfo.processInfo.environment, shown: shown)
    }

    /// The URL without any password: what messages and logs show.
    public var description: String {
        let query = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        let hostText = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(hostText):\(port)/\(database)\(query)"
    }

    /// The same server and credentials, another database (tests create and drop their own).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// Hashes and compares everything but the password.
    public static func == (lhs: PostgresLocation, rhs: PostgresLocation) -> Bool {
        lhs.description == rhs.description && lhs.password == rhs.password
    }

    /// Hashes the description (not the password).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
    }

    /// Whether `text` is a Postgres URL (so a `store:` value or `--store` can be told from a SQLite path).
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    private static func password(from environment: [String: String], shown: String) throws(StoreError) -> String? {
        if let value = environment["SEXTANT_POSTGRES_PASSWORD"], !value.isEmpty { return value }
        if let file = environment["SEXTANT_POSTGRES_PASSWORD_FILE"], !file.isEmpty {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StoreError.cannotOpen(
                    path: shown, reason: "cannot read the password file \(file) (SEXTANT_POSTGRES_PASSWORD_FILE)")
            }
            var text = String(decoding: data, as: UTF8.self)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            return text
        }
        if let value = environment["PGPASSWORD"], !value.isEmpty { return value }
        return nil
    }

    /// `url` with anything between `://` and the last `@` of the authority reduced to the user name, so
    /// an error about a URL that holds a password does not print it.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let credentials = authority[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<scheme.upperBound]) + credentials[..<colon] + ":***" + rest[at...]
    }
}
