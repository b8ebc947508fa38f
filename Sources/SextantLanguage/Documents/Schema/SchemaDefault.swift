/// A key's default value, as a JSON literal.
enum SchemaDefault: Sendable {
    case text(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)

    /// The default as JSON.
    var json: JSONValue {
        switch self {
        case .text(let text): .string(text)
        case .number(let number): .number(number)
        case .integer(let integer): .integer(integer)
        case .bool(let bool): .bool(bool)
        }
    }

    /// The default as written in a YAML file.
    var yaml: String {
        switch self {
        case .text(let text): text
        case .number(let number): JSONValue.format(number)
        case .integer(let integer): String(integer)
        case .bool(let bool): bool ? "true" : "false"
        }
    }
}
