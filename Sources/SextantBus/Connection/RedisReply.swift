/// One Redis reply (RESP2), copied out of hiredis's reply tree so that it outlives it.
public enum RedisReply: Equatable, Sendable {
    /// A simple string (`+OK`).
    case status(String)
    /// An error reply (`-WRONGTYPE …`); commands turn it into `BusError.server`.
    case error(String)
    /// An integer reply.
    case integer(Int64)
    /// A bulk string: bytes, binary-safe.
    case bulk([UInt8])
    /// A null bulk string or null array (a missing key, a `SET … NX` that did not set).
    case null
    /// A multi-bulk reply.
    case array([RedisReply])

    /// The reply's type as Redis calls it, for error messages.
    public var typeName: String {
        switch self {
        case .status: "status"
        case .error: "error"
        case .integer: "integer"
        case .bulk: "bulk string"
        case .null: "nil"
        case .array: "array"
        }
    }

    /// A bulk or status reply as UTF-8 text (invalid sequences repaired), otherwise nil.
    public var text: String? {
        switch self {
        case .status(let text): text
        case .bulk(let bytes): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }
}
