/// Number literals: `14`, `0.5`, `1e-3`, `1_000`, with a unit letter (`30m`) or before a percent
/// sign (`25%`). The accepted forms are listed in `Grammar/precedence.md`.
extension Lexer {
    /// True when a `.` at the current position starts a number written like `.5` (which is
    /// reported, and read as `0.5`) rather than a member access like `eth.close` or `f(x).signal`.
    func startsLeadingDotNumber() -> Bool {
        guard let next = peek(1), Self.isDigit(next) else { return false }
        guard position > 0 else { return true }
        let previous = bytes[position - 1]
        return !(Self.isNameContinue(previous) || previous == UInt8(ascii: ")") || previous == UInt8(ascii: "]"))
    }

    /// What is wrong with a number literal; only the first problem is reported.
    private enum NumberProblem {
        case leadingDot
        case trailingDot
        case secondDot
        case misplacedUnderscore
        case emptyExponent
    }

    mutating func lexNumber(into diagnostics: inout DiagnosticBag) {
        let start = position
        var problem: NumberProblem?
        var integer = ""
        var fraction = ""
        var exponent = ""

        if bytes[position] == UInt8(ascii: ".") {
            problem = .leadingDot
            position += 1
            fraction = scanDigits(&problem)
        } else {
            integer = scanDigits(&problem)
            if peek(0) == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
                position += 1
                fraction = scanDigits(&problem)
                while peek(0) == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
                    position += 1
                    var ignored: NumberProblem?
                    _ = scanDigits(&ignored)
                    problem = problem ?? .secondDot
                }
            } else if peek(0) == UInt8(ascii: "."), peek(1).map({ !Self.isNameStart($0) }) ?? true {
                // `5.` with nothing after the point. A name after it (`5.x`) is a member access,
                // which the parser accepts and the checker rejects with a better message.
                position += 1
                problem = problem ?? .trailingDot
            }
        }

        if let marker = peek(0), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            let sign = peek(1)
            if let sign, Self.isDigit(sign) {
                position += 1
                exponent = scanDigits(&problem)
            } else if let sign, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                position += 2
                if let digit = peek(0), Self.isDigit(digit) {
                    exponent = (sign == UInt8(ascii: "-") ? "-" : "") + scanDigits(&problem)
                } else {
                    problem = problem ?? .emptyExponent
                }
            }
        }

        let mantissa = (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
        let value = Double(mantissa + (exponent.isEmpty ? "" : "e" + exponent)) ?? 0
        var token = Token(kind: .number, range: start..<position, value: value.isFinite ? value : 0)

        let unitReported = lexUnitSuffix(of: &token, problem: &problem, into: &diagnostics)
        tokens.append(token)

        if peek(0) == UInt8(ascii: "%") {
            tokens[tokens.count - 1].percentValue = Self.fraction(mantissa: mantissa, exponent: exponent, value: value)
        }
        if unitReported { return }
        reportNumber(problem, value: value, range: start..<position, into: &diagnostics)
    }

    /// Reads letters written right after the digits: a unit (`30m`), or a mistake (`5x`, `5bars`).
    /// Returns true when it reported a diagnostic.
    private mutating func lexUnitSuffix(
        of token: inout Token, problem: inout NumberProblem?, into diagnostics: inout DiagnosticBag
    ) -> Bool {
        guard let first = peek(0), Self.isNameStart(first) else { return false }
        let wordStart = position
        var wordEnd = position
        while wordEnd < bytes.count, Self.isNameContinue(bytes[wordEnd]) { wordEnd += 1 }
        let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self)
        let number = excerpt(token.range)

        if let unit = DurationUnit(rawValue: word), unit != .bars {
            position = wordEnd
            token.kind = .duration
            token.unit = unit
            token.range = token.range.lowerBound..<wordEnd
            return false
        }
        if word == "e" || word == "E" {
            position = wordEnd
            token.range = token.range.lowerBound..<wordEnd
            problem = problem ?? .emptyExponent
            return false
        }
        if TokenKind.keywords[word] != nil {
            // `3of equity`: the keyword is most likely meant as a separate word, so leave it to be
            // lexed as one and only point out the missing space.
            report(
                .unknownUnit, "`\(word)` is not a unit, and a keyword cannot touch a number", wordStart..<wordEnd,
                into: &diagnostics, suggestion: "put a space between `\(number)` and `\(word)`", fixIt: " \(word)")
            return true
        }
        position = wordEnd
        token.range = token.range.lowerBound..<wordEnd
        let wordRange = wordStart..<wordEnd
        if let meant = Self.unitSpellings[word.lowercased()] {
            token.kind = .duration
            token.unit = meant
            let fixed = meant == .bars ? " bars" : meant.rawValue
            report(
                .unknownUnit, "`\(excerpt(wordRange))` is not a unit", wordRange, into: &diagnostics,
                suggestion: "write `\(number)\(fixed)`", fixIt: fixed)
        } else {
            report(
                .unknownUnit, "`\(excerpt(wordRange))` is not a unit", wordRange, into: &diagnostics,
                suggestion:
                    "units are `m`, `h` and `d` right after the number (`30m`), and `bars` after a space (`5 bars`)")
        }
        return true
    }

    /// Unit words an analyst may write, with the unit they mean. Also used by the parser for
    /// `5 min` or `5 bar` (written with a space).
    static let unitSpellings: [String: DurationUnit] = [
        "bar": .bars, "bars": .bars,
        "min": .minutes, "mins": .minutes, "minute": .minutes, "minutes": .minutes,
        "hr": .hours, "hrs": .hours, "hour": .hours, "hours": .hours,
        "day": .days, "days": .days,
    ]

    /// Consumes `[0-9_]*` and returns the digits without underscores; an underscore that is not
    /// between two digits (`1__000`, `1_`) is a problem.
    private mutating func scanDigits(_ problem: inout NumberProblem?) -> String {
        let start = position
        var sawUnderscore = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "_") {
                sawUnderscore = true
                let previousIsDigit = position > start && Self.isDigit(bytes[position - 1])
                let nextIsDigit = peek(1).map(Self.isDigit) ?? false
                if !(previousIsDigit && nextIsDigit) { problem = problem ?? .misplacedUnderscore }
            } else if !Self.isDigit(byte) {
                break
            }
            position += 1
        }
        let digits = bytes[start..<position]
        if !sawUnderscore { return String(decoding: digits, as: UTF8.self) }
        return String(decoding: digits.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
    }

    /// `mantissa × 10^(exponent − 2)`, parsed from the decimal digits so that it is the double
    /// nearest to the written percentage (dividing by 100 can be off by one unit in the last place).
    private static func fraction(mantissa: String, exponent: String, value: Double) -> Double {
        if exponent.isEmpty { return Double(mantissa + "e-2") ?? value / 100 }
        if let power = Int(exponent), power > Int.min + 2 { return Double(mantissa + "e\(power - 2)") ?? value / 100 }
        return value / 100
    }

    private func reportNumber(
        _ problem: NumberProblem?, value: Double, range: Range<Int>, into diagnostics: inout DiagnosticBag
    ) {
        let text = excerpt(range)
        switch problem {
        case .leadingDot:
            report(
                .malformedNumber, "`\(text)` needs a digit before its decimal point", range, into: &diagnostics,
                suggestion: "write `0\(text)`", fixIt: range.count <= 24 ? "0" + text : nil)
        case .trailingDot:
            report(
                .malformedNumber, "`\(text)` has no digits after its decimal point", range, into: &diagnostics,
                suggestion: "write `\(text.dropLast())` or `\(text)0`")
        case .secondDot:
            report(.malformedNumber, "`\(text)` has more than one decimal point", range, into: &diagnostics)
        case .misplacedUnderscore:
            report(
                .malformedNumber, "`\(text)` has an `_` that does not separate two digits", range,
                into: &diagnostics, suggestion: "group digits with single underscores, as in `1_000_000`")
        case .emptyExponent:
            report(
                .malformedNumber, "the exponent of `\(text)` has no digits", range, into: &diagnostics,
                suggestion: "write an exponent such as `1e-3`, or remove the `e`")
        case nil:
            if !value.isFinite {
                report(.malformedNumber, "`\(text)` is too large for a number", range, into: &diagnostics)
            }
        }
    }
}
