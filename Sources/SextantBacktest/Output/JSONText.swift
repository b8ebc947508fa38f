import SextantCore

/// Just enough JSON writing for results: numbers as the shortest text that reads back as the same
/// double (NaN and infinities as `null`), escaped strings, keys in the order given.
struct JSONText {
    private(set) var text = ""

    static func number(_ value: Double) -> String {
        JSONLiteral.number(value)
    }

    static func string(_ value: String) -> String {
        JSONLiteral.string(value)
    }

    /// An object from already-encoded member values.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
