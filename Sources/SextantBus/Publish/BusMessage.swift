/// One event to publish: its type (which picks the channel), the symbol it concerns (a `bar` event's
/// symbol also names the latest-bar key) and the payload, the event's JSON line as in the events file.
public struct BusMessage: Sendable, Equatable {
    public var type: BusEventType
    public var symbol: String?
    /// The bytes published, unchanged (no newline added).
    public var payload: [UInt8]

    /// A message with a binary payload.
    public init(_ type: BusEventType, symbol: String? = nil, payload: [UInt8]) {
        self.type = type
        self.symbol = symbol
        self.payload = payload
    }

    /// A message whose payload is `line` in UTF-8 (`EventEncoder.line(event)`).
    public init(_ type: BusEventType, symbol: String? = nil, line: String) {
        self.init(type, symbol: symbol, payload: Array(line.utf8))
    }
}
