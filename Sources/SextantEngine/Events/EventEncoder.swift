import SextantCore

/// Encodes events as JSON lines: one object per line, keys `type`, `time`, `strategy`, `symbol`, then
/// the event's fields in order; numbers as the shortest text that reads back as the same double, NaN
/// as null.
public enum EventEncoder {
    /// One event as one line of JSON (without the newline).
    public static func line(_ event: EngineEvent) -> String {
        var members = [
            ("type", string(event.kind.rawValue)), ("time", string(UTCTime.iso8601(event.time, dateOnly: false))),
        ]
        if let strategy = event.strategy { members.append(("strategy", string(strategy))) }
        if let symbol = event.symbol { members.append(("symbol", string(symbol))) }
        for (key, value) in event.fields {
            switch value {
            case .string(let text): members.append((key, string(text)))
            case .number(let number): members.append((key, self.number(number)))
            case .bool(let flag): members.append((key, flag ? "true" : "false"))
            case .json(let json): members.append((key, json))
            }
        }
        return "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        JSONLiteral.number(value)
    }

    static func string(_ value: String) -> String {
        JSONLiteral.string(value)
    }
}
