/// `postfix` and `primary`: literals, names, parentheses, history `x[n]` and members `x.name`.
extension Parser {
    /// `postfix := primary ("[" expression "]" | "." NAME)*`, built in a loop; `node` bounds the
    /// depth of chains like `x[1][1][1]…` and `a.b.c.d…`. The `primary` cases that recurse are
    /// handled here too, to spare a stack frame per level of nesting.
    mutating func parsePostfix(level: Int) {
        switch currentKind {
        case .name where peekKind(1) == .leftParen:
            parseCall(level: level)
        case .leftParen:
            parseParenthesized(level: level)
        case .notKeyword:
            reportMisplacedPrefix(at: index)
            parseNot(level: level)
        case .ifKeyword:
            reportMisplacedPrefix(at: index)
            parseConditional(level: level)
        default:
            parseLeaf()
        }
        while true {
            switch currentKind {
            case .leftBracket: parseHistory(level: level)
            case .dot: parseMember(level: level)
            default: return
            }
        }
    }

    /// `"[" expression "]"` after the base on `values`: the value `n` bars ago.
    private mutating func parseHistory(level: Int) {
        let openIndex = openDelimiter()
        if !canNest(level, at: openIndex) {
            skipRefused(from: index)
        } else if currentKind == .rightBracket {
            reportEmptyDelimiters(openIndex)
        } else {
            parseExpression(level: level + 1)
        }
        let end = expectClose(openIndex, callee: -1, level: level)
        buildHistory(end: end, at: openIndex, level: level)
    }

    /// Pops a base and an offset and pushes `base[offset]`.
    @inline(never)
    private mutating func buildHistory(end: Int, at openIndex: Int, level: Int) {
        let offset = pop()
        let base = pop()
        push(
            node(
                .history(base.expr, offset.expr), range: cover(base.range.lowerBound, end),
                depth: 1 + max(base.depth, offset.depth), level: level, at: openIndex))
    }

    /// `"." NAME` after the base on `values`: a field of a multi-output result or a symbol alias's
    /// column.
    @inline(never)
    private mutating func parseMember(level: Int) {
        let dot = consume()
        let base = pop()
        guard current.kind == .name else {
            reportMissingField(after: tokens[dot])
            push(invalid(cover(base.range.lowerBound, previousEnd)))
            return
        }
        let field = advance()
        push(
            node(
                .member(base.expr, Identifier(text(field), span: span(field.range))),
                range: cover(base.range.lowerBound, field.range.upperBound), depth: base.depth + 1, level: level,
                at: dot))
    }

    /// The primaries that contain no expression (`NUMBER [PERCENT_SIGN | unit]`, `true`, `false`,
    /// `na`, `NAME`), or the stand-in for a missing one.
    @inline(never)
    private mutating func parseLeaf() {
        let token = current
        switch token.kind {
        case .number:
            push(parseNumber())
        case .duration:
            advance()
            push(leaf(.duration(token.value, token.unit ?? .bars), token.range))
        case .trueKeyword, .falseKeyword:
            advance()
            push(leaf(.bool(token.kind == .trueKeyword), token.range))
        case .naKeyword:
            advance()
            push(leaf(.na, token.range))
        case .name:
            advance()
            push(leaf(.name(text(token)), token.range))
        case .unknown:
            // Already reported by the lexer.
            advance()
            push(invalid(token.range))
        default:
            reportMissingValue(after: index - 1)
        }
    }

    /// A number, `25%`, or `5 bars`. The `%` is a percent sign when it touches the digits and is not
    /// followed by an operand; otherwise it is left for the remainder operator (`10%3`, `a % b`).
    private mutating func parseNumber() -> ParsedNode {
        let number = advance()
        if current.kind == .percent, current.range.lowerBound == number.range.upperBound,
            !peekKind(1).startsOperand
        {
            let percent = advance()
            return leaf(.percent(number.percentValue), number.range.lowerBound..<percent.range.upperBound)
        }
        if current.kind == .name, let unit = unitAfterNumber(number) {
            return leaf(.duration(number.value, unit), cover(number.range.lowerBound, previousEnd))
        }
        return leaf(.number(number.value), number.range)
    }

    /// The unit written as a word after a number (`5 bars`), consumed; nil when the name after the
    /// number is no unit word. Misspelt or misplaced units (`5 bar`, `5 m`) are reported and taken
    /// as meant.
    private mutating func unitAfterNumber(_ number: Token) -> DurationUnit? {
        let word = text(current)
        if word == "bars" {
            advance()
            return .bars
        }
        guard let unit = Lexer.unitSpellings[word.lowercased()] ?? DurationUnit(rawValue: word) else { return nil }
        reportUnitWord(advance(), after: number, meaning: unit)
        return unit
    }

    /// `"(" expression ")"`. Parentheses make no node, but belong to the span of the node inside
    /// and count as a level of depth.
    private mutating func parseParenthesized(level: Int) {
        let openIndex = openDelimiter()
        let nested = canNest(level, at: openIndex)
        if !nested {
            skipRefused(from: index)
        } else if currentKind == .rightParen {
            reportEmptyDelimiters(openIndex)
        } else {
            parseExpression(level: level + 1)
        }
        let end = expectClose(openIndex, callee: -1, level: level)
        widenToParentheses(from: openIndex, to: end, nested: nested, level: level)
    }

    /// Widens the top of `values` to its parentheses, one level deeper. The node's span covers the
    /// parentheses too, so that a diagnostic about `(close > 1)` underlines all of it.
    @inline(never)
    private mutating func widenToParentheses(from openIndex: Int, to end: Int, nested: Bool, level: Int) {
        var inner = pop()
        let range = cover(tokens[openIndex].range.lowerBound, end)
        guard nested, level + inner.depth + 1 <= ExpressionParser.maximumDepth else {
            push(invalid(range))
            return
        }
        inner.expr.span = span(range)
        push(ParsedNode(expr: inner.expr, range: range, depth: inner.depth + 1))
    }

    /// Consumes the `(` or `[` at the cursor, records it as open, and returns its index.
    mutating func openDelimiter() -> Int {
        let openIndex = consume()
        openDelimiters.append(tokens[openIndex])
        return openIndex
    }
}
