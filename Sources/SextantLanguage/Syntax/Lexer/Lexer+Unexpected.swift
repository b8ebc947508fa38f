/// Characters that start no token: reported once per run, with a hint where the intent is clear.
extension Lexer {
    /// Non-ASCII characters that look like an operator or a space, with the token they stand for
    /// (nil: a space). Word processors and chat tools produce them when a formula is pasted.
    private static let lookalikes: [UInt32: TokenKind?] = [
        0x2265: .greaterEqual,  // ≥
        0x2264: .lessEqual,  // ≤
        0x2260: .bangEqual,  // ≠
        0x00D7: .star,  // ×
        0x00F7: .slash,  // ÷
        0x2212: .minus,  // − (minus sign)
        0x2013: .minus,  // – (en dash)
        0x00A0: nil,  // no-break space
        0x2007: nil,  // figure space
        0x2009: nil,  // thin space
        0x200B: nil,  // zero-width space
        0x202F: nil,  // narrow no-break space
        0xFEFF: nil,  // byte order mark
    ]

    /// ASCII bytes that start some token (or a spelling the lexer substitutes).
    private static let tokenStarts: Set<UInt8> = Set("+-*/%()[],.?:<>=!&|".utf8)

    mutating func lexUnexpected(into diagnostics: inout DiagnosticBag) {
        let start = position
        let (first, length) = scalar(at: position)
        if let lookalike = Self.lookalikes[first] {
            position += length
            let range = start..<position
            let written = String(decoding: bytes[range], as: UTF8.self)
            let code = Self.codePoint(first)
            if let kind = lookalike, let spelling = kind.spelling {
                tokens.append(Token(kind: kind, range: range))
                report(
                    .unexpectedCharacter, "`\(written)` (\(code)) is not an operator in Sextant", range,
                    into: &diagnostics, suggestion: "write `\(spelling)`", fixIt: spelling)
            } else {
                report(
                    .unexpectedCharacter, "an invisible non-ASCII space (\(code)) in the expression", range,
                    into: &diagnostics, suggestion: "replace it with an ordinary space", fixIt: " ")
            }
            return
        }

        if first == 0x22 || first == 0x27, let closing = bytes[(position + 1)...].firstIndex(of: UInt8(first)) {
            // A quoted string: one token and one report, not one per quote with the words between
            // them reported as leftovers.
            position = closing + 1
        } else {
            while position < bytes.count, startsNoToken(at: position) { position += scalar(at: position).length }
        }
        let range = start..<position
        tokens.append(Token(kind: .unknown, range: range))
        let (message, suggestion) = describeUnexpected(range, first: first)
        report(.unexpectedCharacter, message, range, into: &diagnostics, suggestion: suggestion)
    }

    private func startsNoToken(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            return !(Self.isWhitespace(byte) || Self.isNameContinue(byte) || Self.tokenStarts.contains(byte))
        }
        return Self.lookalikes[scalar(at: index).value] == nil
    }

    private func describeUnexpected(_ range: Range<Int>, first: UInt32) -> (String, String?) {
        let plural = scalarCount(range) > 1
        let text = excerpt(range)
        let shown =
            first < 0x20 || first == 0x7F
            ? "control character " + Self.codePoint(first)
            : "`\(text)`"
        switch first {
        case 0x23:  // #
            return (
                "\(shown) cannot appear in an expression",
                "comments belong to YAML: put a space before `#`, outside any quotes"
            )
        case 0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D:  // quotes
            return (
                "\(shown) is quoted text, and the expression language has no strings",
                "quote the whole YAML value if it needs quotes, or remove them"
            )
        case 0x5E:  // ^
            return ("there is no power operator `^`", "use `pow(x, 2)`")
        case 0x3B:  // ;
            return (
                "\(shown) cannot appear in an expression", "an expression is one value; combine conditions with `and`"
            )
        case 0x7B, 0x7D:  // { }
            return ("\(shown) cannot appear in an expression", "group with `(` and `)`")
        default:
            return ((plural ? "unexpected characters " : "unexpected character ") + shown, nil)
        }
    }

    /// The Unicode scalar starting at a byte offset and its length in bytes. The text came from a
    /// `String`, so it is valid UTF-8; the bounds checks only keep a bug from becoming a crash.
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (UInt32(lead), 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    private func scalarCount(_ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// `U+00A0` notation for a scalar, for characters that do not show well in a message.
    private static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
