import CHiredis
import Foundation

/// One blocking connection to Redis through hiredis: connect with a timeout, authenticate, select the
/// database, send commands (binary-safe, through `redisCommandArgv`) and decode replies.
///
/// hiredis contexts are not thread-safe, so neither is this class (it is deliberately not `Sendable`):
/// keep each connection on one thread. `RedisBus` owns one on its own thread; `RedisSubscriber` one on
/// its caller's. After any I/O error hiredis's context is unusable: the connection closes itself and
/// every later command throws `BusError.notConnected`; open a new one to go on.
///
/// ```swift
/// let redis = try RedisConnection(url: BusURL("redis://127.0.0.1:6379"))
/// _ = try redis.command(["SET", "greeting", "hello"]).checked("SET")
/// ```
public final class RedisConnection {
    /// The server (with its password, which its description hides).
    public let url: BusURL
    /// The live hiredis context; nil once closed. Only this file touches it.
    private var context: UnsafeMutablePointer<redisContext>?

    /// Connects to `url`, then sends `AUTH` (when the URL has a password), `SELECT` (database other than
    /// 0) and `CLIENT SETNAME` (when `clientName` is given, so operators see who is connected).
    ///
    /// - Parameters:
    ///   - connectTimeout: the longest the TCP connect may take.
    ///   - commandTimeout: the longest one read or write may block; nil blocks indefinitely (a
    ///     subscriber waiting for messages uses `readReply(timeout:)` instead).
    public init(
        url: BusURL, connectTimeout: Duration = .seconds(2), commandTimeout: Duration? = .seconds(2),
        clientName: String? = nil
    ) throws(BusError) {
        self.url = url
        guard let context = redisConnectWithTimeout(url.host, Int32(url.port), Self.timeval(connectTimeout)) else {
            throw .connectionFailed(endpoint: url.endpoint, reason: "out of memory")
        }
        guard context.pointee.err == 0 else {
            let reason = Self.errorText(context)
            redisFree(context)
            throw .connectionFailed(endpoint: url.endpoint, reason: reason)
        }
        self.context = context
        if let commandTimeout { redisSetTimeout(context, Self.timeval(commandTimeout)) }
        // Dead peers (a pulled cable, a frozen VM) are otherwise noticed only at the next write.
        redisEnableKeepAlive(context)
        try handshake(clientName: clientName)
    }

    deinit {
        if let context { redisFree(context) }
    }

    /// Whether the connection is still usable.
    public var isOpen: Bool { context != nil }

    /// Closes the connection; later commands throw `BusError.notConnected`.
    public func close() {
        if let context { redisFree(context) }
        context = nil
    }

    /// Sends one command and waits for its reply. An error reply is returned as `.error`, not thrown
    /// (see `RedisReply.checked`); a broken connection throws `BusError.connectionLost` and closes.
    public func command(_ arguments: [String]) throws(BusError) -> RedisReply {
        try command(bytes: arguments.map { Array($0.utf8) })
    }

    /// `command(_:)` with binary arguments.
    public func command(bytes arguments: [[UInt8]]) throws(BusError) -> RedisReply {
        let context = try liveContext()
        let raw = Self.withArgv(arguments) { count, argv, lengths in
            redisCommandArgv(context, count, argv, lengths)
        }
        guard let raw else { throw lost() }
        defer { freeReplyObject(raw) }
        return try Self.decode(raw, command: Self.name(arguments))
    }

    /// Sends every command, then reads every reply: one round trip for the lot. Replies come in order;
    /// error replies are values as in `command(_:)`.
    public func pipeline(_ commands: [[[UInt8]]]) throws(BusError) -> [RedisReply] {
        let context = try liveContext()
        for arguments in commands {
            let status = Self.withArgv(arguments) { count, argv, lengths in
                redisAppendCommandArgv(context, count, argv, lengths)
            }
            guard status == REDIS_OK else { throw lost() }
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for arguments in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else { throw lost() }
            defer { freeReplyObject(raw) }
            replies.append(try Self.decode(raw, command: Self.name(arguments)))
        }
        return replies
    }

    /// Sends a command without reading its reply (`SUBSCRIBE`, whose replies are read as messages).
    public func send(_ arguments: [String]) throws(BusError) {
        let context = try liveContext()
        let bytes = arguments.map { Array($0.utf8) }
        let status = Self.withArgv(bytes) { count, argv, lengths in
            redisAppendCommandArgv(context, count, argv, lengths)
        }
        guard status == REDIS_OK else { throw lost() }
        var done: Int32 = 0
        while done == 0 {
            guard redisBufferWrite(context, &done) == REDIS_OK else { throw lost() }
        }
    }

    /// The next reply pushed by the server (pub/sub messages), waiting at most `timeout`: nil when none
    /// came in time. Waiting is a `poll` on the socket rather than a socket timeout, because a timed-out
    /// read would leave hiredis's context unusable.
    public func readReply(timeout: Duration) throws(BusError) -> RedisReply? {
        let context = try liveContext()
        let deadline = ContinuousClock.now + timeout
        while true {
            var raw: UnsafeMutableRawPointer?
            // A reply may already sit in hiredis's buffer from an earlier read.
            guard redisGetReplyFromReader(context, &raw) == REDIS_OK else { throw lost() }
            if let raw {
                defer { freeReplyObject(raw) }
                return try Self.decode(raw, command: "a pushed message")
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return nil }
            var descriptor = pollfd(fd: context.pointee.fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: Self.milliseconds(remaining)))
            if ready < 0 && errno != EINTR { throw lost() }
            if ready > 0 {
                guard redisBufferRead(context) == REDIS_OK else { throw lost() }
            }
        }
    }

    // MARK: - Setup

    private func handshake(clientName: String?) throws(BusError) {
        do throws(BusError) {
            if let password = url.password {
                var arguments = ["AUTH"]
                if let username = url.username { arguments.append(username) }
                arguments.append(password.revealed)
                if case .error(let message) = try command(arguments) {
                    throw BusError.authenticationFailed(endpoint: url.endpoint, reason: message)
                }
            }
            if url.database != 0 {
                _ = try command(["SELECT", String(url.database)]).checked("SELECT \(url.database)")
            }
            if let clientName {
                _ = try command(["CLIENT", "SETNAME", clientName]).checked("CLIENT SETNAME")
            }
        } catch {
            close()
            // A connection that drops during the handshake never got going: report it as a failed connect.
            if case .connectionLost(let endpoint, let reason) = error {
                throw .connectionFailed(endpoint: endpoint, reason: reason)
            }
            throw error
        }
    }

    // MARK: - hiredis plumbing (the only unsafe code of the module)

    private func liveContext() throws(BusError) -> UnsafeMutablePointer<redisContext> {
        guard let context else { throw .notConnected }
        return context
    }

    /// The error for a failed hiredis call: reads the context's error, then closes it (hiredis leaves a
    /// context that has failed I/O unusable).
    private func lost() -> BusError {
        guard let context else { return .notConnected }
        let reason = context.pointee.err == 0 ? "unknown error" : Self.errorText(context)
        close()
        return .connectionLost(endpoint: url.endpoint, reason: reason)
    }

    /// hiredis's `errstr`, a fixed 128-byte C string inside the context; a socket timeout reads as
    /// "Resource temporarily unavailable", which says less than "timed out".
    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        let text = withUnsafeBytes(of: context.pointee.errstr) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if text == "Resource temporarily unavailable" { return "timed out" }
        if context.pointee.err == REDIS_ERR_EOF { return "the server closed the connection" }
        return text.isEmpty ? "error \(context.pointee.err)" : text
    }

    /// Calls `body` with hiredis's `argc, argv, argvlen` for `arguments`. Every argument is copied into
    /// one buffer so that a single allocation stays alive (and pinned) for the whole call; a trailing
    /// zero byte keeps the buffer non-empty when every argument is.
    private static func withArgv<Result>(
        _ arguments: [[UInt8]],
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> Result
    ) -> Result {
        var joined: [UInt8] = []
        joined.reserveCapacity(arguments.reduce(1) { $0 + $1.count })
        var offsets: [Int] = []
        for argument in arguments {
            offsets.append(joined.count)
            joined.append(contentsOf: argument)
        }
        joined.append(0)
        let lengths = arguments.map(\.count)
        return joined.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress)
            var argv: [UnsafePointer<CChar>?] = offsets.map { offset in
                base.map { ($0 + offset).assumingMemoryBound(to: CChar.self) }
            }
            return argv.withUnsafeMutableBufferPointer { argvBuffer in
                lengths.withUnsafeBufferPointer { lengthBuffer in
                    // Both buffers hold at least the sentinel's worth of storage only when non-empty:
                    // an empty command has no arguments and hiredis reads none.
                    guard let argvBase = argvBuffer.baseAddress, let lengthBase = lengthBuffer.baseAddress else {
                        var none: UnsafePointer<CChar>?
                        var zero = 0
                        return body(0, &none, &zero)
                    }
                    return body(Int32(arguments.count), argvBase, lengthBase)
                }
            }
        }
    }

    /// Copies a hiredis reply tree into a `RedisReply`. RESP2 has six reply types; anything else means
    /// the library and this code disagree, reported as an unexpected reply rather than guessed at.
    private static func decode(_ raw: UnsafeMutableRawPointer, command: String) throws(BusError) -> RedisReply {
        try decode(raw.assumingMemoryBound(to: redisReply.self).pointee, command: command)
    }

    private static func decode(_ reply: redisReply, command: String) throws(BusError) -> RedisReply {
        func bytes() -> [UInt8] {
            guard let text = reply.str, reply.len > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: text, count: reply.len))
        }
        switch reply.type {
        case REDIS_REPLY_STRING: return .bulk(bytes())
        case REDIS_REPLY_STATUS: return .status(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_ERROR: return .error(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_INTEGER: return .integer(reply.integer)
        case REDIS_REPLY_NIL: return .null
        case REDIS_REPLY_ARRAY:
            var elements: [RedisReply] = []
            elements.reserveCapacity(reply.elements)
            for index in 0..<reply.elements {
                guard let element = reply.element?[index] else {
                    elements.append(.null)
                    continue
                }
                elements.append(try decode(element.pointee, command: command))
            }
            return .array(elements)
        default:
            throw .unexpectedReply(command: command, expected: "a RESP2 reply", got: "reply type \(reply.type)")
        }
    }

    /// The command's name for messages: its first argument, never its values (which may be a password).
    private static func name(_ arguments: [[UInt8]]) -> String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? "(empty command)"
    }

    private static func timeval(_ duration: Duration) -> timeval {
        let microseconds = max(0, milliseconds(duration) * 1000)
        return Glibc.timeval(tv_sec: microseconds / 1_000_000, tv_usec: microseconds % 1_000_000)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
