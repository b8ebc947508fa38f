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
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
