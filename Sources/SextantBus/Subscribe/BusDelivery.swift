/// One message a `RedisSubscriber` received.
public struct BusDelivery: Sendable, Equatable {
    /// The channel it was published on.
    public var channel: String
    /// The `PSUBSCRIBE` pattern that matched, if it came through one.
    public var pattern: String?
    /// The published bytes, unchanged.
    public var payload: [UInt8]

    /// A delivery.
    public init(channel: String, pattern: String? = nil, payload: [UInt8]) {
        self.channel = channel
        self.pattern = pattern
        self.payload = payload
    }

    /// The payload as UTF-8 text (an event's JSON line).
    public var text: String { String(decoding: payload, as: UTF8.self) }
}
