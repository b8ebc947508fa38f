/// Where the bus is: `redis://[[user]:password@]host[:port][/db]`, as the engine file's `bus:` says.
///
/// ```swift
/// let url = try BusURL("redis://127.0.0.1:6379/2")   // host 127.0.0.1, port 6379, database 2
/// ```
///
/// A password in the URL works but is discouraged: engine files are committed and URLs end up in logs.
/// Prefer `SEXTANT_REDIS_PASSWORD` or `SEXTANT_REDIS_PASSWORD_FILE` (`withEnvironmentPassword`). The
/// description never shows the password.
public struct BusURL: Sendable, Equatable, CustomStringConvertible {
    /// The default Redis port.
    public static let defaultPort = 6379

    /// A host name, an IPv4 address or an IPv6 address (without brackets).
    public var host: String
    public var port: Int
    /// The logical database `SELECT`ed after connecting.
    public var database: Int
    /// The ACL user (Redis 6+), if any; with a password and no user, `AUTH password` is sent.
    public var username: String?
    public var password: BusSecret?

    /// A URL from its parts.
    public init(
        host: String, port: Int = BusURL.defaultPort, database: Int = 0, username: String? = nil,
        password: BusSecret? = nil
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.username = username
        self.password = password
    }

    /// `host:port`, with IPv6 hosts in brackets: how errors name the server.
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        var userinfo = ""
        if username != nil || password != nil {
            userinfo = (username ?? "") + (password == nil ? "" : ":***") + "@"
        }
        return "redis://\(userinfo)\(endpoint)/\(database)"
    }
}
