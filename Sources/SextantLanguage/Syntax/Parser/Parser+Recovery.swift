/// Closing delimiters and leftover tokens: the places where the parser resynchronises after an
/// error instead of stopping, so that one pass reports every problem.
extension Parser {
    /// Consumes the closer of the opener at `openIndex` (which `openDelimiters` ends with), or
    /// reports why it is missing. `callee` is the index of the called name, or -1. Returns where
    /// the construct ends.
    mutating func expectClose(_ openIndex: Int, callee: Int, level: Int) -> Int {
        if currentKind != .end, !isCloser(currentKind) { skipLeftovers(level: level + 1, inside: true) }
        return close(openIndex, callee: callee)
    }

    /// Consumes the closer of the opener at `openIndex`, or reports why it is not there.
    @inline(never)
    private mutating func close(_ openIndex: Int, callee: Int) -> Int {
        let open = tokens[openIndex]
        if current.kind == (open.kind == .leftBracket ? .rightBracket : .rightParen) {
            openDelimiters.removeLast()
            return advance().range.upperBound
        }
        return closeAfterError(open, callee: callee >= 0 ? tokens[callee] : nil)
    }

    /// `close` when the closer is not there: the end of the text, or a closer of the other kind.
    @inline(never)
    private mutating func closeAfterError(_ open: Token, callee: Token?) -> Int {
        defer { openDelimiters.removeLast() }
        if current.kind == .end {
            reportUnclosed(open, of: callee, found: nil)
            return previousEnd
        }
        // A closer of the other kind. If an enclosing opener matches it, it belongs there and this
        // one is unclosed: `x[(a]`. Otherwise it was meant for this opener: `(a]`.
        let found = current.kind
        if openDelimiters.dropLast().contains(where: { closes(found, $0.kind) }) {
            reportUnclosed(open, of: callee, found: current)
            return previousEnd
        }
        let wrong = advance()
        reportUnclosed(open, of: callee, found: wrong)
        return wrong.range.upperBound
    }

    /// Reports and consumes tokens that cannot continue the expression: after the whole expression,
    /// or before the closer of the innermost open delimiter (`inside`). Stray closers at the top
    /// level are E0206; anything else is reported once per run, and every part that can start an
    /// expression is parsed (at `level`) so that the errors inside it are reported too.
    mutating func skipLeftovers(level: Int, inside: Bool = false) {
        var reportNext = true
        while nextLeftover(inside: inside, reportNext: &reportNext) {
            // Inside a construct the depth guard refused, leftovers are skipped, not parsed.
            if level + 1 <= ExpressionParser.maximumDepth {
                parseExpression(level: level)
            } else {
                skipRefused(from: index)
            }
            discardValue()
            reportNext = true
        }
    }

    /// Reports and consumes leftover tokens up to one that starts an expression (true) or up to
    /// the end or, `inside` delimiters, a closer (false).
    @inline(never)
    private mutating func nextLeftover(inside: Bool, reportNext: inout Bool) -> Bool {
        while current.kind != .end {
            if isCloser(current.kind) {
                // Inside delimiters, every closer goes back to `expectClose`, which knows whose it is.
                if inside { return false }
                reportStrayClosers()
                continue
            }
            if reportNext { reportLeftover(at: index) }
            reportNext = false
            if current.kind.startsExpression { return true }
            advance()
        }
        return false
    }

    /// Pops a parsed leftover, which has no place in the tree.
    @inline(never)
    private mutating func discardValue() { _ = pop() }

    func isCloser(_ kind: TokenKind) -> Bool { kind == .rightParen || kind == .rightBracket }

    /// True when `closer` is the closing token of `opener`.
    private func closes(_ closer: TokenKind, _ opener: TokenKind) -> Bool {
        (opener == .leftParen && closer == .rightParen) || (opener == .leftBracket && closer == .rightBracket)
    }
}
