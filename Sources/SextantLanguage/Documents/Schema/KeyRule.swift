/// What the keys of a free-keyed mapping (`params`, `let`, an inline test's `bars`) must be.
enum KeyRule: Sendable {
    /// A name usable in expressions.
    case identifier
    /// A bar column (`close`) or a symbol alias's column (`eth.close`).
    case barColumn
    /// What an inline test expects: a signal (`entry.long`), a `let` as `let.name`, or a simulated
    /// event (`fills.buy`, `rejections.cooldown`…); see `InlineExpectPath`.
    case signalPath

    /// A regular expression for the JSON Schema's `propertyNames`.
    var pattern: String {
        switch self {
        case .identifier: "^[A-Za-z_][A-Za-z0-9_]*$"
        case .barColumn: "^([A-Za-z_][A-Za-z0-9_]*\\.)?(" + KeyRule.barColumns.joined(separator: "|") + ")$"
        case .signalPath: InlineExpectPath.pattern
        }
    }

    /// The bar columns an inline test can give.
    static let barColumns = ["open", "high", "low", "close", "volume"]

    /// How the rule reads in a message.
    var expectation: String {
        switch self {
        case .identifier: "a name (letters, digits and `_`, not starting with a digit)"
        case .barColumn:
            "a bar column (" + KeyRule.barColumns.joined(separator: ", ")
                + "), optionally after a symbol alias (`eth.close`)"
        case .signalPath:
            "a signal (`entry.long`, `entry.short`, `exit.long`, `exit.short`, `let.<name>`) or an event of the "
                + "simulation (`fills.buy`, `fills.sell`, `trades.entry`, `trades.exit`, `rejections`, "
                + "`rejections.<reason>`, `shrunk`, `shrunk.<reason>`)"
        }
    }

    /// True when `key` has this form.
    func accepts(_ key: String) -> Bool {
        switch self {
        case .identifier:
            return KeyRule.isIdentifier(key)
        case .barColumn:
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            guard let column = parts.last, KeyRule.barColumns.contains(String(column)) else { return false }
            return parts.count == 1 || (parts.count == 2 && KeyRule.isIdentifier(String(parts[0])))
        case .signalPath:
            return InlineExpectPath(key) != nil
        }
    }

    /// True for `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy(\.isASCIIWordCharacter)
    }
}
