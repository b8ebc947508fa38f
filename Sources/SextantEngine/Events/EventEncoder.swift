import SextantCore

/// Encodes events as JSON lines: one object per line, keys `type`, `time`, `strategy`, `symbol`, then
/// the event's fields in order; numbers as the shortest text that reads back as the same double, NaN
/// as null.
public enum EventEncoder {
    /// One event as one line of JSON (without the newline).
    public static func line(_ event: EngineEvent) -> String {
        String(decoding: bytes(event), as: UTF8.self)
    }

    /// One event as the UTF-8 bytes of its line (without the newline). `time`, when given, is the
    /// event time's literal (`timeLiteral(_:)`): a bar's events share it, so a caller encoding many
    /// can format it once.
    ///
    /// Written byte by byte into one array: the engine encodes every event of every bar (thousands a
    /// bar with hundreds of symbols) on its sequential path.
    public static func bytes(_ event: EngineEvent, time: [UInt8]? = nil) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(96 + 32 * event.fields.count)
        line += #"{"type":"#.utf8
        appendString(event.kind.rawValue, to: &line)
        line += #","time":"#.utf8
        line += time ?? timeLiteral(event.time)
        if let strategy = event.strategy {
            line += #","strategy":"#.utf8
            appendString(strategy, to: &line)
        }
        if let symbol = event.symbol {
            line += #","symbol":"#.utf8
            appendString(symbol, to: &line)
        }
        for field in event.fields {
            line.append(UInt8(ascii: ","))
            appendField(field, to: &line)
        }
        line.append(UInt8(ascii: "}"))
        return line
    }

    /// Fields as one JSON object, each encoded as in an event line (a risk event's `details`).
    public static func object(_ fields: [(String, EngineEvent.Value)]) -> String {
        var object: [UInt8] = [UInt8(ascii: "{")]
        for (index, field) in fields.enumerated() {
            if index > 0 { object.append(UInt8(ascii: ",")) }
            appendField(field, to: &object)
        }
        object.append(UInt8(ascii: "}"))
        return String(decoding: object, as: UTF8.self)
    }

    /// Appends `"key":value`.
    private static func appendField(_ field: (String, EngineEvent.Value), to line: inout [UInt8]) {
        appendString(field.0, to: &line)
        line.append(UInt8(ascii: ":"))
        switch field.1 {
        case .string(let text): appendString(text, to: &line)
        case .number(let number): line += JSONLiteral.number(number).utf8
        case .bool(let flag): line += (flag ? "true" : "false").utf8
        case .json(let json): line += json.utf8
        }
    }

    /// The JSON string literal of an event time (ISO-8601 UTC), as `bytes(_:time:)` writes it.
    public static func timeLiteral(_ time: Int64) -> [UInt8] {
        Array(JSONLiteral.string(UTCTime.iso8601(time, dateOnly: false)).utf8)
    }

    /// Appends `text` as a JSON string literal: its bytes between quotes when nothing needs escaping
    /// (names, symbols, IDs), `JSONLiteral.string` otherwise.
    private static func appendString(_ text: String, to line: inout [UInt8]) {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        guard plain else {
            line += JSONLiteral.string(text).utf8
            return
        }
        line.append(UInt8(ascii: "\""))
        line += text.utf8
        line.append(UInt8(ascii: "\""))
    }
}
