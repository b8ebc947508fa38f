/// The operator levels of the grammar: `expression`, then `or` … `fraction` by precedence
/// climbing, with `not` and unary minus as prefixes (see `Grammar/expression.ebnf`).
///
/// Each `parse…` function pushes exactly one node on `values`.
extension Parser {
    /// `expression` followed by the end of the text; leftover tokens are diagnosed and parsed too,
    /// so that every error of the expression is reported in one pass.
    mutating func parseTopLevel() -> Expr {
        if current.kind == .end {
            reportEmptyExpression()
            return invalid(0..<bytes.count).expr
        }
        // Stray closers before the expression (`) a`) would otherwise make the expression itself
        // look missing; report them alone.
        reportStrayClosers()
        guard current.kind != .end else { return invalid(pointAfterPrevious).expr }
        parseExpression(level: 0)
        let result = pop()
        skipLeftovers(level: 0)
        assert(values.isEmpty, "every parsing function pushes exactly one node")
        return result.expr
    }

    /// `expression := "if" expression "then" expression "else" expression | or`, plus recovery for
    /// a C-style `c ? a : b`.
    mutating func parseExpression(level: Int) {
        if currentKind == .ifKeyword {
            parseConditional(level: level)
            return
        }
        parseBinary(minimumPrecedence: 1, level: level)
        if currentKind == .question { parseQuestionMark(level: level) }
    }

    /// `"if" expression "then" expression "else" expression`; a missing `then` or `else` is
    /// reported and the branch parsed anyway when it is there.
    mutating func parseConditional(level: Int) {
        let ifIndex = consume()
        guard canNest(level, at: ifIndex) else {
            skipRefused(from: ifIndex, openIfs: 1)
            return
        }
        parseExpression(level: level + 1)
        parseBranch(.thenKeyword, of: ifIndex, level: level)
        parseBranch(.elseKeyword, of: ifIndex, level: level)
        buildConditional(at: ifIndex, level: level)
    }

    /// `"then" expression` or `"else" expression` of the `if` at `ifIndex`.
    private mutating func parseBranch(_ keyword: TokenKind, of ifIndex: Int, level: Int) {
        if currentKind == keyword {
            index += 1
        } else if !reportMissingKeyword(keyword, of: ifIndex) {
            return
        }
        if currentKind.startsExpression {
            parseExpression(level: level + 1)
        } else {
            reportMissingValue(after: index - 1)
        }
    }

    /// `c ? a : b` is not Sextant: reported once with the `if` spelling, then parsed as a
    /// conditional (the condition is already on `values`) so that the branches are still checked.
    private mutating func parseQuestionMark(level: Int) {
        let questionIndex = consume()
        reportQuestionMark(at: questionIndex)
        guard canNest(level, at: questionIndex) else {
            let condition = pop()
            push(invalid(skipNested(from: condition.range.lowerBound)))
            return
        }
        parseOptionalBranch(level: level)
        if currentKind == .colon { index += 1 }
        parseOptionalBranch(level: level)
        buildConditional(at: questionIndex, level: level)
    }

    /// A branch of `c ? a : b`, or an `.invalid` stand-in (already diagnosed by the `?`).
    private mutating func parseOptionalBranch(level: Int) {
        if currentKind.startsExpression {
            parseExpression(level: level + 1)
        } else {
            push(invalid(pointAfterPrevious))
        }
    }

    /// Pops a condition and two branches and pushes their conditional; its keyword (`if`, or a
    /// mistaken `?`) is at `keywordIndex`.
    @inline(never)
    private mutating func buildConditional(at keywordIndex: Int, level: Int) {
        let elseBranch = pop()
        let thenBranch = pop()
        let condition = pop()
        let start = min(condition.range.lowerBound, tokens[keywordIndex].range.lowerBound)
        push(
            node(
                .conditional(condition.expr, thenBranch.expr, elseBranch.expr),
                range: cover(start, max(elseBranch.range.upperBound, previousEnd)),
                depth: 1 + max(condition.depth, thenBranch.depth, elseBranch.depth), level: level, at: keywordIndex))
    }

    /// `or`, `and`, `compare`, `sum`, `product` and `fraction`, by precedence climbing: operands
    /// bind to the operators of `minimumPrecedence` and above. The loop builds every chain
    /// left-associatively; comparisons and `of` do not chain, which is diagnosed (and the chain
    /// still built, so that the rest of it is checked).
    mutating func parseBinary(minimumPrecedence: Int, level: Int) {
        if currentKind == .notKeyword && minimumPrecedence <= InfixOperator.notPrecedence {
            parseNot(level: level)
        } else if currentKind == .minus {
            parseUnary(level: level)
        } else {
            parsePostfix(level: level)
        }
        var previousOperator = -1
        while let precedence = operatorAhead(minimumPrecedence) {
            let operatorIndex = consume()
            if prepareRightOperand(of: operatorIndex, after: previousOperator, level: level) {
                parseBinary(minimumPrecedence: precedence + 1, level: level + 1)
            } else {
                recoverRightOperand(of: operatorIndex)
            }
            buildInfix(operatorIndex: operatorIndex, previousOperator: previousOperator, level: level)
            previousOperator = operatorIndex
        }
    }

    /// The precedence of the infix operator at the cursor if it binds at `minimumPrecedence` or
    /// tighter, else nil. A `)` or `]` with nothing open is stray: it is reported and skipped
    /// first, so that `a) + b` is one error and still checks `b`.
    private mutating func operatorAhead(_ minimumPrecedence: Int) -> Int? {
        if isCloser(currentKind), openDelimiters.isEmpty { reportStrayClosers() }
        guard let infix = InfixOperator(currentKind), infix.precedence >= minimumPrecedence else { return nil }
        return infix.precedence
    }

    /// Diagnoses the operator just consumed at `operatorIndex` where it stands (`=` for `==`, a
    /// chained `of`), and returns whether its right operand should be parsed: false when it is
    /// missing in a way `recoverRightOperand` reports better, or when it would nest too deep.
    @inline(never)
    private mutating func prepareRightOperand(of operatorIndex: Int, after previousOperator: Int, level: Int) -> Bool {
        let token = tokens[operatorIndex]
        diagnoseOperator(token, after: previousOperator >= 0 ? tokens[previousOperator] : nil)
        let afterNumber = top?.isNumberLiteral ?? false
        if !currentKind.startsExpression, token.kind == .unknown || (token.kind == .percent && afterNumber) {
            return false
        }
        return canNest(level, at: operatorIndex)
    }

    /// Pushes the stand-in for a right operand that `prepareRightOperand` refused to parse.
    @inline(never)
    private mutating func recoverRightOperand(of operatorIndex: Int) {
        if currentKind.startsExpression {
            skipRefused(from: index)
        } else {
            reportMissingRightOperand(of: tokens[operatorIndex])
        }
    }

    /// Pops two operands and pushes the node of the infix operator at `operatorIndex`; reports a
    /// chained comparison.
    @inline(never)
    private mutating func buildInfix(operatorIndex: Int, previousOperator: Int, level: Int) {
        let rhs = pop()
        let lhs = pop()
        let token = tokens[operatorIndex]
        let infix = InfixOperator(token.kind)
        if previousOperator >= 0, infix?.isComparison == true,
            InfixOperator(tokens[previousOperator].kind)?.isComparison == true
        {
            reportChainedComparison(token, first: tokens[previousOperator], lhs: lhs, rhs: rhs)
        }
        let kind: Expr.Kind
        switch infix?.role {
        case .binary(let binary): kind = .binary(binary, lhs.expr, rhs.expr)
        case .of: kind = .of(lhs.expr, rhs.expr)
        case .unknown, nil: kind = .invalid
        }
        push(
            node(
                kind, range: cover(lhs.range.lowerBound, max(rhs.range.upperBound, token.range.upperBound)),
                depth: 1 + max(lhs.depth, rhs.depth), level: level, at: operatorIndex))
    }

    /// `not := "not" not | compare`. Consecutive `not`s are counted in a loop, not parsed by
    /// recursion, so that `not not … x` cannot exhaust the stack.
    mutating func parseNot(level: Int) {
        let first = index
        while currentKind == .notKeyword {
            let notIndex = consume()
            guard canNest(level + notIndex - first, at: notIndex) else {
                skipRefused(from: first)
                return
            }
        }
        let count = index - first
        if currentKind.startsExpression {
            parseBinary(minimumPrecedence: InfixOperator.comparisonPrecedence, level: level + count)
        } else {
            reportMissingValue(after: index - 1)
        }
        wrap(prefixesFrom: first, count: count, operator: .not, level: level)
    }

    /// `unary := "-" unary | postfix`, with the `-`s counted in a loop like `not`s.
    mutating func parseUnary(level: Int) {
        let first = index
        while currentKind == .minus {
            let minusIndex = consume()
            guard canNest(level + minusIndex - first, at: minusIndex) else {
                skipRefused(from: first)
                return
            }
        }
        let count = index - first
        if currentKind.startsExpression {
            parsePostfix(level: level + count)
        } else {
            reportMissingValue(after: index - 1)
        }
        wrap(prefixesFrom: first, count: count, operator: .negate, level: level)
    }

    /// Wraps the top of `values` in one prefix node per token of `tokens[first..<first + count]`,
    /// the last innermost.
    @inline(never)
    private mutating func wrap(prefixesFrom first: Int, count: Int, operator prefix: UnaryOperator, level: Int) {
        var result = pop()
        for offset in stride(from: count - 1, through: 0, by: -1) {
            let tokenIndex = first + offset
            result = node(
                .unary(prefix, result.expr), range: cover(tokens[tokenIndex].range.lowerBound, result.range.upperBound),
                depth: result.depth + 1, level: level + offset, at: tokenIndex)
        }
        push(result)
    }
}
