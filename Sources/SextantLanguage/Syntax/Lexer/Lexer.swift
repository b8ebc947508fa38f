/// Turns an expression's text into tokens, reporting every character and literal it cannot read.
///
/// The lexer works on `text.utf8` bytes, never on `Character`s: every token of the language is
/// ASCII, and byte offsets are what `ExpressionSource` maps to file positions. It never stops at
/// an error: a bad character becomes an `unknown` token (reported once per run of such
/// characters), a malformed number becomes a number token with a best-effort value, and common
/// spellings from other languages (`&&`, `!`, `≥`, …) become the Sextant token they stand for, so
/// that the parser can go on and find the next problem.
///
/// ```swift
/// var bag = DiagnosticBag()
/// let tokens = Lexer.tokenize(ExpressionSource(standalone: "25% of equity"), into: &bag)
/// tokens.map(\.kind)  // [.number, .percent, .ofKeyword, .name, .end]
/// ```
struct Lexer {
    let source: ExpressionSource
    let bytes: [UInt8]
    var position = 0
    var tokens: [Token] = []

    private init(source: ExpressionSource, bytes: [UInt8]) {
        self.source = source
        self.bytes = bytes
    }

    /// Lexes the whole text. The result always ends with exactly one `.end` token.
    static func tokenize(_ source: ExpressionSource, into diagnostics: inout DiagnosticBag) -> [Token] {
        tokenize(source, bytes: Array(source.text.utf8), into: &diagnostics)
    }

    /// Lexes `bytes`, which must be `source.text.utf8` (the parser passes the copy it keeps).
    static func tokenize(_ source: ExpressionSource, bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> [Token] {
        var lexer = Lexer(source: source, bytes: bytes)
        lexer.run(into: &diagnostics)
        return lexer.tokens
    }

    private mutating func run(into diagnostics: inout DiagnosticBag) {
        while true {
            skipWhitespace()
            guard position < bytes.count else { break }
            let before = position
            lexToken(into: &diagnostics)
            // Every branch of lexToken consumes at least one byte; this guards the loop's
            // termination against a future branch that forgets to.
            if position == before { position += 1 }
        }
        tokens.append(Token(kind: .end, range: bytes.count..<bytes.count))
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private mutating func lexToken(into diagnostics: inout DiagnosticBag) {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber(into: &diagnostics)
        case UInt8(ascii: "."):
            if startsLeadingDotNumber() {
                lexNumber(into: &diagnostics)
            } else {
                single(.dot)
            }
        case _ where Self.isNameStart(byte):
            lexName()
        case UInt8(ascii: "+"): single(.plus)
        case UInt8(ascii: "-"): single(.minus)
        case UInt8(ascii: "/"): single(.slash)
        case UInt8(ascii: "%"): single(.percent)
        case UInt8(ascii: "("): single(.leftParen)
        case UInt8(ascii: ")"): single(.rightParen)
        case UInt8(ascii: "["): single(.leftBracket)
        case UInt8(ascii: "]"): single(.rightBracket)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: "?"): single(.question)
        case UInt8(ascii: ":"): single(.colon)
        case UInt8(ascii: "*"):
            if peek(1) == UInt8(ascii: "*") {
                let range = position..<position + 2
                position += 2
                tokens.append(Token(kind: .unknown, range: range))
                report(
                    .unexpectedCharacter, "there is no power operator `**`", range, into: &diagnostics,
                    suggestion: "use `pow(x, 2)`")
            } else {
                single(.star)
            }
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "=") {
                double(.lessEqual)
            } else if peek(1) == UInt8(ascii: ">") {
                substitute(.bangEqual, length: 2, into: &diagnostics)
            } else {
                single(.less)
            }
        case UInt8(ascii: ">"):
            if peek(1) == UInt8(ascii: "=") { double(.greaterEqual) } else { single(.greater) }
        case UInt8(ascii: "="):
            if peek(1) == UInt8(ascii: "=") {
                double(.equalEqual)
            } else if peek(1) == UInt8(ascii: ">") {
                substitute(.greaterEqual, length: 2, into: &diagnostics)
            } else if peek(1) == UInt8(ascii: "<") {
                substitute(.lessEqual, length: 2, into: &diagnostics)
            } else {
                single(.equal)
            }
        case UInt8(ascii: "!"):
            if peek(1) == UInt8(ascii: "=") {
                double(.bangEqual)
            } else {
                substitute(.notKeyword, length: 1, into: &diagnostics)
            }
        case UInt8(ascii: "&"):
            substitute(.andKeyword, length: peek(1) == UInt8(ascii: "&") ? 2 : 1, into: &diagnostics)
        case UInt8(ascii: "|"):
            substitute(.orKeyword, length: peek(1) == UInt8(ascii: "|") ? 2 : 1, into: &diagnostics)
        default:
            lexUnexpected(into: &diagnostics)
        }
    }

    // MARK: Names and keywords

    private mutating func lexName() {
        let start = position
        position += 1
        while position < bytes.count, Self.isNameContinue(bytes[position]) { position += 1 }
        tokens.append(Token(kind: keywordKind(start..<position) ?? .name, range: start..<position))
    }

    /// The keyword spelled by the bytes, compared without building a `String` (names are the most
    /// common token and most are not keywords).
    private func keywordKind(_ range: Range<Int>) -> TokenKind? {
        let word = bytes[range]
        func spells(_ keyword: String) -> Bool { keyword.utf8.elementsEqual(word) }
        switch range.count {
        case 2:
            if spells("if") { return .ifKeyword }
            if spells("na") { return .naKeyword }
            if spells("of") { return .ofKeyword }
            if spells("or") { return .orKeyword }
        case 3:
            if spells("and") { return .andKeyword }
            if spells("not") { return .notKeyword }
        case 4:
            if spells("then") { return .thenKeyword }
            if spells("else") { return .elseKeyword }
            if spells("true") { return .trueKeyword }
        case 5:
            if spells("false") { return .falseKeyword }
        default:
            break
        }
        return nil
    }

    // MARK: Punctuation

    private mutating func single(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, range: position..<position + 1))
        position += 1
    }

    private mutating func double(_ kind: TokenKind) {
        tokens.append(Token(kind: kind, range: position..<position + 2))
        position += 2
    }

    /// A spelling from another language (`&&`, `||`, `!`, `<>`, `=>`, `=<`): reported with the
    /// Sextant spelling as a fix-it, and lexed as that token so parsing goes on undisturbed.
    private mutating func substitute(_ kind: TokenKind, length: Int, into diagnostics: inout DiagnosticBag) {
        let range = position..<position + length
        position += length
        tokens.append(Token(kind: kind, range: range))
        let written = String(decoding: bytes[range], as: UTF8.self)
        let replacement = kind.spelling ?? ""
        report(
            .unexpectedCharacter, "`\(written)` is not an operator in Sextant", range, into: &diagnostics,
            suggestion: "write `\(replacement)`", fixIt: replacement)
    }

    // MARK: Helpers

    func peek(_ offset: Int) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// Reports a diagnostic at value bytes `range`. Once the bag is full, a stand-in without
    /// notes or fix-it is reported instead (the bag only counts it).
    func report(
        _ id: DiagnosticID, _ message: String, _ range: Range<Int>, into diagnostics: inout DiagnosticBag,
        suggestion: String? = nil, fixIt replacement: String? = nil
    ) {
        let span = source.span(range)
        guard diagnostics.items.count < diagnostics.limit else {
            diagnostics.report(Diagnostic(id, message, at: span))
            return
        }
        diagnostics.report(
            Diagnostic(
                id, message, at: span, suggestion: suggestion,
                fixIt: replacement.map { Diagnostic.FixIt(replacing: span, with: $0) }))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isNameContinue(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

    /// The bytes of `range` as text for a message.
    func excerpt(_ range: Range<Int>) -> String { Self.excerpt(bytes, range) }

    /// The bytes of `range` as text for a message, shortened so that a megabyte-long token does not
    /// make a megabyte-long message.
    static func excerpt(_ bytes: [UInt8], _ range: Range<Int>, limit: Int = 24) -> String {
        if range.count <= limit { return String(decoding: bytes[range], as: UTF8.self) }
        var end = range.lowerBound + limit
        // Never cut a multi-byte character in half.
        while end > range.lowerBound, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self) + "…"
    }
}
