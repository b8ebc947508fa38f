extension RedisReply {
    /// The reply, unless it is an error reply: that becomes `BusError.server`.
    public func checked(_ command: String) throws(BusError) -> RedisReply {
        if case .error(let message) = self { throw .server(command: command, message: message) }
        return self
    }

    /// The integer of an integer reply.
    public func integer(_ command: String) throws(BusError) -> Int64 {
        switch try checked(command) {
        case .integer(let value): return value
        case let other: throw .unexpectedReply(command: command, expected: "integer", got: other.typeName)
        }
    }

    /// The bytes of a bulk reply, or nil for a null reply.
    public func bytesOrNull(_ command: String) throws(BusError) -> [UInt8]? {
        switch try checked(command) {
        case .bulk(let bytes): return bytes
        case .null: return nil
        case let other: throw .unexpectedReply(command: command, expected: "bulk string or nil", got: other.typeName)
        }
    }

    /// Whether a `SET`-like command took effect: `+OK` yes, nil (a condition such as `NX` failed) no.
    public func okOrNull(_ command: String) throws(BusError) -> Bool {
        switch try checked(command) {
        case .status("OK"): return true
        case .null: return false
        case let other: throw .unexpectedReply(command: command, expected: "OK or nil", got: other.typeName)
        }
    }
}
