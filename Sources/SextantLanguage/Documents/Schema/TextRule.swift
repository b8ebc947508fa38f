/// The forms of text a key accepts.
enum TextRule: Sendable {
    /// Free text, several lines allowed (`description`).
    case prose
    /// A name for people and reports: letters, digits, `_`, `-`, `.` (`sma_cross`).
    case label
    /// A market symbol: no spaces (`GOOG`, `BTC/USDT`).
    case symbol
    /// One of `words`, or a URL-like text starting with one of `prefixes` (`sqlite:…`, `redis://…`).
    case location(prefixes: [String], words: [String])
    /// The name of an environment variable (`VENUE_KEYS`) or a path to a key file outside the
    /// repository: never the secret itself.
    case credentials
    /// The compact bar notation of inline tests (`"100+1x30 130-2x5"`). Any one line is accepted here;
    /// the loader expands it with `BarNotation` and reports each malformed item at its column (E0504).
    case notation

    /// How the rule reads in a message.
    var expectation: String {
        switch self {
        case .prose: "text"
        case .label: "a name (letters, digits, `_`, `-`, `.`)"
        case .symbol: "a symbol without spaces"
        case .location(let prefixes, let words):
            (words.map { "`\($0)`" } + prefixes.map { "`\($0)…`" }).joined(separator: " or ")
        case .credentials: "an environment variable name or a key file path"
        case .notation: "bar notation text"
        }
    }

    /// A regular expression for the JSON Schema's `pattern` (ECMA-262), nil for free text.
    var pattern: String? {
        switch self {
        case .prose: nil
        case .label: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$"
        case .symbol: "^\\S+$"
        case .location(let prefixes, let words):
            "^("
                + (words.map { JSONValue.regexEscaped($0) + "$" } + prefixes.map { JSONValue.regexEscaped($0) + ".+" })
                .joined(separator: "|") + ")"
        case .credentials: "^([A-Z_][A-Z0-9_]*|[^\\s]*/[^\\s]*)$"
        case .notation: BarNotation.pattern
        }
    }

    /// True when `text` has this form.
    func accepts(_ text: String) -> Bool {
        switch self {
        case .prose:
            return true
        case .label:
            guard let first = text.unicodeScalars.first, first != "-", first != "." else { return false }
            return text.unicodeScalars.allSatisfy { $0.isASCIIWordCharacter || $0 == "-" || $0 == "." }
        case .symbol:
            return !text.isEmpty && !text.contains { $0.isWhitespace }
        case .location(let prefixes, let words):
            return words.contains(text) || prefixes.contains { text.hasPrefix($0) && text.count > $0.count }
        case .credentials:
            guard !text.isEmpty, !text.contains(where: \.isWhitespace) else { return false }
            if text.contains("/") { return true }
            guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
            return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        case .notation:
            return !text.trimmingSpaces.isEmpty && !text.contains("\n")
        }
    }
}

extension Unicode.Scalar {
    /// True for ASCII letters, digits and `_`.
    var isASCIIWordCharacter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "_"
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return Substring(scalars[first...last])
    }
}
