import SextantCore

/// A JSON value with ordered object keys, printed deterministically for the golden schema file.
indirect enum JSONValue: Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)

    /// Pretty-printed text: two-space indentation, arrays of plain values on one line.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { inner + JSONValue.quoted($0.key) + ": " + $0.value.rendered(indent: indent + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + pad + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            if items.allSatisfy(\.isPlain) {
                return "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad
                + "]"
        case .string(let text):
            return JSONValue.quoted(text)
        case .number(let number):
            return JSONValue.format(number)
        case .integer(let integer):
            return String(integer)
        case .bool(let bool):
            return bool ? "true" : "false"
        }
    }

    private var isPlain: Bool {
        switch self {
        case .object, .array: false
        case .string, .number, .integer, .bool: true
        }
    }

    /// A number as JSON: whole numbers without a fraction.
    static func format(_ number: Double) -> String {
        JSONLiteral.number(number)
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        JSONLiteral.string(text)
    }

    /// `text` with regular-expression metacharacters escaped.
    static func regexEscaped(_ text: String) -> String {
        let special = Set("\\^$.|?*+()[]{}")
        return text.reduce(into: "") { result, character in
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
    }
}
