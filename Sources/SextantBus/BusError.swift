/// Why a bus operation failed. Every message names what was attempted and never contains a password:
/// URLs appear in their redacted form (`BusURL.description`).
public enum BusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bus URL could not be read; `url` is redacted.
    case invalidURL(url: String, reason: String)
    /// An account, engine id or symbol cannot be part of a key.
    case invalidName(kind: String, name: String, reason: String)
    /// The password file named by `SEXTANT_REDIS_PASSWORD_FILE` could not be read.
    case passwordFile(path: String, reason: String)
    /// No connection could be made to `endpoint` (`host:port`).
    case connectionFailed(endpoint: String, reason: String)
    /// The server refused the credentials.
    case authenticationFailed(endpoint: String, reason: String)
    /// The connection broke (reset, closed, timed out) during a command; it must be reopened.
    case connectionLost(endpoint: String, reason: String)
    /// The server answered with an error reply (`WRONGTYPE …`, `NOSCRIPT …`, `ERR …`).
    case server(command: String, message: String)
    /// The server's reply has a type the command does not produce (a protocol slip or a key holding
    /// something else than Sextant wrote).
    case unexpectedReply(command: String, expected: String, got: String)
    /// The operation needs a connection, and there is none (closed, or never opened).
    case notConnected

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): "invalid bus URL \(url): \(reason)"
        case .invalidName(let kind, let name, let reason): "invalid \(kind) \"\(name)\": \(reason)"
        case .passwordFile(let path, let reason): "cannot read the Redis password file \(path): \(reason)"
        case .connectionFailed(let endpoint, let reason): "cannot connect to Redis at \(endpoint): \(reason)"
        case .authenticationFailed(let endpoint, let reason): "Redis at \(endpoint) refused the password: \(reason)"
        case .connectionLost(let endpoint, let reason): "lost the connection to Redis at \(endpoint): \(reason)"
        case .server(let command, let message): "Redis answered \(command) with an error: \(message)"
        case .unexpectedReply(let command, let expected, let got):
            "unexpected reply to \(command): expected \(expected), got \(got)"
        case .notConnected: "not connected to Redis"
        }
    }
}
