/// The wording of every syntax diagnostic, in the analyst's terms, with a suggestion or fix-it
/// where the intent is clear (the catalogue approach of swift-syntax's
/// `ParserDiagnosticMessages.swift`).
///
/// Every function here is `@inline(never)`: the parsing functions recurse once per level of
/// nesting, and building messages inline would multiply the size of each of their stack frames.
extension Parser {
    @inline(never)
    mutating func reportEmptyExpression() {
        report(
            .emptyExpression, "the expression is empty", at: 0..<bytes.count,
            suggestion: "write a value or a condition, e.g. `close > sma(close, 20)`")
    }

    /// E0206 for each `)` or `]` at the cursor; the caller knows that nothing is open.
    @inline(never)
    mutating func reportStrayClosers() {
        while isCloser(current.kind) {
            let token = advance()
            report(
                .unmatchedDelimiter, "\(describe(token)) closes nothing", at: token.range,
                suggestion: "remove it, or add the matching `\(token.kind == .rightParen ? "(" : "[")` before it")
        }
    }

    /// E0203: an operand is missing after `tokens[previousIndex]` (or before the cursor, when the
    /// index is -1). Pushes the `.invalid` node that stands in for it.
    @inline(never)
    mutating func reportMissingValue(after previousIndex: Int) {
        let found = current.kind == .end ? "" : ", found \(describe(current))"
        guard previousIndex >= 0 else {
            let point = current.range.lowerBound..<current.range.lowerBound
            report(.expectedExpression, "expected a value before \(describe(current))", at: point)
            push(invalid(point))
            return
        }
        report(
            .expectedExpression, "expected a value after \(describe(tokens[previousIndex]))\(found)",
            at: pointAfterPrevious)
        push(invalid(pointAfterPrevious))
    }

    /// E0203 after an operator whose right operand is missing in a way with a better message
    /// (`25 % of equity`), or nothing for an unknown token the lexer already reported (`a $`).
    @inline(never)
    mutating func reportMissingRightOperand(of token: Token) {
        if token.kind == .percent {
            report(
                .expectedExpression, "expected a value after the remainder operator `%`", at: pointAfterPrevious,
                suggestion: "for a percentage, write `%` right after the number, without a space: `25%`")
        }
        push(invalid(pointAfterPrevious))
    }

    /// E0204 for a missing `then` or `else`. Returns whether the branch should be parsed anyway:
    /// only if it is plainly there, since `if a else b` has no `then` branch at all, and parsing
    /// one would report a second, confusing error. When it is not, pushes its stand-in.
    @inline(never)
    mutating func reportMissingKeyword(_ keyword: TokenKind, of ifIndex: Int) -> Bool {
        let found = current
        let message =
            keyword == .thenKeyword
            ? "expected `then` after the condition of `if`, found \(describe(found))"
            : "expected `else` after the `then` branch, found \(describe(found))"
        report(
            .unexpectedToken, message, at: found.kind == .end ? pointAfterPrevious : found.range,
            notes: [Diagnostic.Note("the `if` is here", at: span(tokens[ifIndex].range))],
            suggestion: "an `if` needs both branches: `if condition then a else b`")
        if current.kind.startsExpression { return true }
        push(invalid(pointAfterPrevious))
        return false
    }

    @inline(never)
    mutating func reportQuestionMark(at tokenIndex: Int) {
        report(
            .unexpectedCharacter, "`?` is not an operator in Sextant", at: tokens[tokenIndex].range,
            suggestion: "write the conditional as `if condition then a else b`")
    }

    /// The diagnostics an operator gets from where it stands: a chained `of`, and a single `=`
    /// where `==` is meant.
    @inline(never)
    mutating func diagnoseOperator(_ token: Token, after previous: Token?) {
        if token.kind == .ofKeyword, previous?.kind == .ofKeyword {
            report(
                .unexpectedToken, "`of` does not chain", at: token.range,
                suggestion: "add parentheses, as in `50% of (10% of equity)`")
        }
        if token.kind == .equal {
            report(
                .unexpectedToken, "`=` is not a comparison", at: token.range,
                suggestion: "did you mean `==`? (a single `=` only names an argument: `stop = 2 * atr(14)`)",
                fixIt: (token.range, "=="))
        }
    }

    /// E0207 at the second operator of `a < b < c`, with the `and` form as the suggestion when the
    /// parts are short enough to quote. `first` is the operator that built `lhs`.
    @inline(never)
    mutating func reportChainedComparison(_ token: Token, first: Token, lhs: ParsedNode, rhs: ParsedNode) {
        var suggestion = "compare twice and join with `and`, as in `a < b and b < c`"
        var middleStart = min(first.range.upperBound, lhs.range.upperBound)
        while middleStart < lhs.range.upperBound, Lexer.isWhitespace(bytes[middleStart]) { middleStart += 1 }
        if let start = snippet(lhs.range), let middle = snippet(middleStart..<lhs.range.upperBound),
            let end = snippet(rhs.range)
        {
            suggestion = "compare twice and join with `and`: `\(start) and \(middle) \(text(token)) \(end)`"
        }
        report(
            .chainedComparison, "comparisons do not chain: \(describe(token)) follows another comparison",
            at: token.range, suggestion: suggestion)
    }

    /// E0209 after a `.` with no name. A keyword or number right after the dot (`x.of`, `x.5`) was
    /// meant as the field: it is consumed, so that it is not reported again as a leftover.
    @inline(never)
    mutating func reportMissingField(after dot: Token) {
        let field = current
        if field.kind.isKeyword {
            report(
                .expectedName, "`\(text(field))` is a keyword and cannot be a field name", at: field.range,
                suggestion: "fields are names such as `signal` in `macd(close).signal`")
        } else {
            report(
                .expectedName, "expected a field name after `.`, found \(describe(field))",
                at: field.kind == .end ? pointAfterPrevious : field.range,
                suggestion: "write a field or column name, as in `macd(close).signal` or `eth.close`")
        }
        let touching = field.range.lowerBound == dot.range.upperBound
        if touching, field.kind.isKeyword || field.kind == .number || field.kind == .duration { advance() }
    }

    /// E0204 for `not` or `if` inside a larger expression, where the grammar has no room for them.
    @inline(never)
    mutating func reportMisplacedPrefix(at tokenIndex: Int) {
        let token = tokens[tokenIndex]
        if token.kind == .notKeyword {
            report(
                .unexpectedToken, "`not` needs parentheses here", at: token.range,
                suggestion: "write `(not …)`: without parentheses `not` applies only to a whole comparison")
        } else {
            report(
                .unexpectedToken, "an `if` inside a larger expression needs parentheses", at: token.range,
                suggestion: "write `(if condition then a else b)`")
        }
    }

    /// E0203 for `()` or `x[]`; pushes the `.invalid` node that stands in for the contents.
    @inline(never)
    mutating func reportEmptyDelimiters(_ openIndex: Int) {
        if tokens[openIndex].kind == .leftBracket {
            report(
                .expectedExpression, "expected a history offset inside `[ ]`", at: pointAfterPrevious,
                suggestion: "write how many bars back, e.g. `close[1]` for the previous bar")
        } else {
            report(
                .expectedExpression, "expected an expression inside `( )`", at: pointAfterPrevious,
                suggestion: "remove the empty parentheses, or put a value between them")
        }
        push(invalid(pointAfterPrevious))
    }

    /// E0212 for a unit written as a word after a number: `5 bar`, `5 min`, `5 m`.
    @inline(never)
    mutating func reportUnitWord(_ word: Token, after number: Token, meaning unit: DurationUnit) {
        let written = text(word)
        let digits = text(number)
        if unit == .bars {
            report(
                .unknownUnit, "`\(written)` is not a unit", at: word.range, suggestion: "write `\(digits) bars`",
                fixIt: (word.range, "bars"))
        } else {
            let message =
                written == unit.rawValue
                ? "the unit `\(written)` must follow the number without a space" : "`\(written)` is not a unit"
            report(
                .unknownUnit, message, at: word.range, suggestion: "write `\(digits)\(unit.rawValue)`",
                fixIt: (number.range.lowerBound..<word.range.upperBound, digits + unit.rawValue))
        }
    }

    /// E0203 for `f(, a)`, `f(a, , b)`, `f(a,)`: an argument is missing before the `,` or `)`.
    @inline(never)
    mutating func reportMissingArgument() {
        let afterComma = previous?.kind == .comma
        let closing = current.kind == .rightParen
        report(
            .expectedExpression, afterComma ? "expected an argument after `,`" : "expected an argument before `,`",
            at: pointAfterPrevious,
            suggestion: afterComma && closing ? "remove the trailing `,`" : "remove the extra `,`")
    }

    /// E0203 for a named argument without a value (`f(stop = )`) or an argument that is not one;
    /// pushes the stand-in.
    @inline(never)
    mutating func reportMissingArgumentValue(label labelIndex: Int) {
        let what = labelIndex >= 0 ? "a value for `\(text(tokens[labelIndex]))`" : "an argument"
        let found = current.kind == .end ? "" : ", found \(describe(current))"
        report(.expectedExpression, "expected \(what)\(found)", at: pointAfterPrevious)
        push(invalid(pointAfterPrevious))
    }

    @inline(never)
    mutating func reportPositionalAfterNamed(_ range: Range<Int>, named label: Identifier) {
        report(
            .positionalAfterNamed, "a positional argument cannot follow the named argument `\(label)`", at: range,
            notes: [Diagnostic.Note("`\(label)` is named here", at: label.span)],
            suggestion: "put positional arguments first, or name this one too")
    }

    /// E0204 for `sma(close 20)`, with a fix-it inserting the `,`.
    @inline(never)
    mutating func reportMissingComma() {
        report(
            .unexpectedToken, "expected `,` between arguments, found \(describe(current))", at: current.range,
            suggestion: "separate the arguments with `,`", fixIt: (pointAfterPrevious, ","))
    }

    /// E0201 for `f(stop: 2)`, with a fix-it to `=`.
    @inline(never)
    mutating func reportColonLabel(_ colon: Token, label: Token) {
        report(
            .unexpectedCharacter, "`:` cannot name an argument", at: colon.range,
            suggestion: "write `\(text(label)) = …`: named arguments use `=`", fixIt: (colon.range, " ="))
    }

    /// E0205 for an opener whose closer is missing (`found` nil: the text ended) or replaced by
    /// the other kind of closer. Points where the closer was expected, with a note at the opener.
    @inline(never)
    mutating func reportUnclosed(_ open: Token, of callee: Token?, found: Token?) {
        let closer = open.kind == .leftBracket ? "]" : ")"
        let what = callee.map { "the call of `\(text($0))`" } ?? describe(open)
        let note = Diagnostic.Note("\(describe(open)) opened here", at: span(open.range))
        guard let found else {
            report(
                .unclosedDelimiter, "expected `\(closer)` to close \(what)", at: pointAfterPrevious, notes: [note],
                suggestion: "add `\(closer)`", fixIt: (pointAfterPrevious, closer))
            return
        }
        let consumed = previous?.range == found.range
        report(
            .unclosedDelimiter, "expected `\(closer)` to close \(what), found \(describe(found))", at: found.range,
            notes: [note], suggestion: consumed ? "write `\(closer)`" : "add `\(closer)` before \(describe(found))",
            fixIt: consumed ? (found.range, closer) : (pointAfterPrevious, closer))
    }

    /// The E0204 (or E0201, for `:`) for a token that cannot continue the expression.
    @inline(never)
    mutating func reportLeftover(at tokenIndex: Int) {
        let token = tokens[tokenIndex]
        switch token.kind {
        case .thenKeyword, .elseKeyword:
            report(
                .unexpectedToken, "\(describe(token)) without a matching `if`", at: token.range,
                suggestion: "write the conditional as `if condition then a else b`")
        case .colon:
            report(
                .unexpectedCharacter, "`:` is not part of the expression language", at: token.range,
                suggestion: "named arguments use `=` (`stop = 2`); in a plain YAML value, `: ` starts a mapping")
        case .comma:
            report(
                .unexpectedToken, "unexpected `,`: an expression is a single value", at: token.range,
                suggestion: "`,` only separates the arguments of a call, as in `sma(close, 20)`")
        case .leftParen where previous.map { isCloser($0.kind) } ?? false:
            report(
                .unexpectedToken, "unexpected `(`: only a function name can be called", at: token.range,
                suggestion: "call a builtin by its name, as in `sma(close, 20)`")
        case let kind where kind.startsOperand:
            report(
                .unexpectedToken, "expected an operator before \(describe(token))", at: token.range,
                suggestion: "join the parts with an operator such as `and`, `or`, `+` or `>`")
        case .unknown:
            // Reported by the lexer.
            break
        default:
            report(.unexpectedToken, "unexpected \(describe(token))", at: token.range)
        }
    }
}
