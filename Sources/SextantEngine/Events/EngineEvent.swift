/// One thing the engine did or saw, as a JSON object on the event stream (`--events`): `type` is
/// `bar`, `signal`, `order`, `fill`, `risk`, `reload` or `error`; `time` is the bar time it concerns
/// (ISO-8601 UTC); `strategy` and `symbol` say what it concerns. The schema is in `docs/events.md`.
public struct EngineEvent: Sendable, Equatable {
    /// The event type.
    public enum Kind: String, Sendable, CaseIterable {
        case bar, signal, order, fill, risk, reload, error
    }

    /// A field value.
    public enum Value: Sendable, Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        /// Already-encoded JSON (an array of diagnostics…).
        case json(String)
    }

    public var kind: Kind
    /// Bar time, seconds since the Unix epoch.
    public var time: Int64
    public var strategy: String?
    public var symbol: String?
    /// Further fields in order.
    public var fields: [(String, Value)]

    /// Creates an event.
    public init(
        _ kind: Kind, time: Int64, strategy: String? = nil, symbol: String? = nil, fields: [(String, Value)] = []
    ) {
        self.kind = kind
        self.time = time
        self.strategy = strategy
        self.symbol = symbol
        self.fields = fields
    }

    /// A field by name.
    public subscript(_ name: String) -> Value? { fields.first { $0.0 == name }?.1 }

    public static func == (lhs: EngineEvent, rhs: EngineEvent) -> Bool {
        lhs.kind == rhs.kind && lhs.time == rhs.time && lhs.strategy == rhs.strategy && lhs.symbol == rhs.symbol
            && lhs.fields.map(\.0) == rhs.fields.map(\.0) && lhs.fields.map(\.1) == rhs.fields.map(\.1)
    }
}
