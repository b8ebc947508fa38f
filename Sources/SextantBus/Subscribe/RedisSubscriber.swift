/// A connection in pub/sub mode that receives the bus's messages: dashboards, recorders, tests and the
/// latency benchmark. Like `RedisConnection` it is not thread-safe; keep it on one thread. It does not
/// reconnect: after a `BusError` make a new one (messages published meanwhile are lost, as for any Redis
/// subscriber).
///
/// ```swift
/// let keys = try BusKeys(account: "paper")
/// let subscriber = try RedisSubscriber(url: url, patterns: [keys.allEvents])
/// while let delivery = try subscriber.next(timeout: .seconds(1)) { print(delivery.text) }
/// ```
public final class RedisSubscriber {
    private let connection: RedisConnection
    private let timeout: Duration

    /// Connects and subscribes to `channels` and `patterns` (`PSUBSCRIBE` globs such as
    /// `BusKeys.allEvents`); returns once the server has confirmed every subscription, so that nothing
    /// published after `init` returns is missed.
    public init(
        url: BusURL, channels: [String] = [], patterns: [String] = [], timeout: Duration = .seconds(2)
    ) throws(BusError) {
        self.timeout = timeout
        connection = try RedisConnection(url: url, connectTimeout: timeout, commandTimeout: timeout)
        if !channels.isEmpty { try subscribe("SUBSCRIBE", channels) }
        if !patterns.isEmpty { try subscribe("PSUBSCRIBE", patterns) }
    }

    private func subscribe(_ command: String, _ names: [String]) throws(BusError) {
        try connection.send([command] + names)
        for _ in names {
            guard let reply = try connection.readReply(timeout: timeout) else {
                throw .connectionLost(endpoint: connection.url.endpoint, reason: "no answer to \(command) in time")
            }
            guard case .array(let parts) = try reply.checked(command), parts.first?.text == command.lowercased() else {
                throw .unexpectedReply(command: command, expected: "a subscription confirmation", got: reply.typeName)
            }
        }
    }

    /// The next message, waiting at most `timeout`; nil if none came.
    public func next(timeout: Duration) throws(BusError) -> BusDelivery? {
        guard let reply = try connection.readReply(timeout: timeout) else { return nil }
        switch try reply.checked("a pushed message") {
        case .array(let parts) where parts.count == 3 && parts[0].text == "message":
            guard case .bulk(let payload) = parts[2], let channel = parts[1].text else { break }
            return BusDelivery(channel: channel, payload: payload)
        case .array(let parts) where parts.count == 4 && parts[0].text == "pmessage":
            guard case .bulk(let payload) = parts[3], let channel = parts[2].text else { break }
            return BusDelivery(channel: channel, pattern: parts[1].text, payload: payload)
        default: break
        }
        throw .unexpectedReply(command: "a pushed message", expected: "message or pmessage", got: reply.typeName)
    }

    /// Closes the connection.
    public func close() {
        connection.close()
    }
}
