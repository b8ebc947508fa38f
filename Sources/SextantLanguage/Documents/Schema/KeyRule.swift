/// What the keys of a free-keyed mapping (`params`, `let`, an inline test's `bars`) must be.
enum KeyRule: Sendable {
    /// A name usable in expressions.
    case identifier
    /// A bar column (`close`) or a symbol alias's column (`eth.close`).
    case barColumn
    /// A signal path: `entry.long`, `exit.short`, or a `let` name as `let.name`.
    case signalPath

    /// A regular expression for the JSON Schema's `propertyNames`.
    var pattern: String {
        switch self {
        case .identifier: "^[A-Za-z_][A-Za-z0-9_]*$"
        case .barColumn: "^([A-Za-z_][A-Za-z0-9_]*\\.)?(" + KeyRule.barColumns.joined(separator: "|") + ")$"
        case .signalPath: "^((entry|exit)\\.(long|short)|let\\.[A-Za-z_][A-Za-z0-9_]*)$"
        }
    }

    /// The bar columns an inline test can give.
    static let barColumns = ["open", "high", "low", "close", "volume"]

    /// The signal paths an inline test can expect, besides `let.<name>`.
    static let signalPaths = ["entry.long", "entry.short", "exit.long", "exit.short"]

    /// How the rule reads in a message.
    var expectation: String {
        switch self {
        case .identifier: "a name (letters, digits and `_`, not starting with a digit)"
        case .barColumn:
            "a bar column (" + KeyRule.barColumns.joined(separator: ", ")
                + "), optionally after a symbol alias (`eth.close`)"
        case .signalPath: "a signal path (" + KeyRule.signalPaths.joined(separator: ", ") + ", or `let.<name>`)"
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
            if KeyRule.signalPaths.contains(key) { return true }
            return key.hasPrefix("let.") && KeyRule.isIdentifier(String(key.dropFirst(4)))
        }
    }

    /// True for `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy(\.isASCIIWordCharacter)
    }
}
