/// Calls: `NAME "(" [arguments] ")"`, `arguments := argument {"," argument}`,
/// `argument := [NAME "="] expression`.
extension Parser {
    /// A call of a builtin. A missing `,` between arguments is reported with a fix-it and the
    /// arguments parsed on; a positional argument after a named one is E0210.
    mutating func parseCall(level: Int) {
        let nameIndex = consume()
        let openIndex = openDelimiter()
        var arguments = CallArguments()
        var more = currentKind != .rightParen
        while more {
            if currentKind == .comma || currentKind == .rightParen {
                reportMissingArgument()
            } else {
                let labelIndex = argumentLabel()
                let start = index
                if !canNest(level, at: openIndex) {
                    skipRefused(from: index)
                } else if currentKind.startsExpression {
                    parseExpression(level: level + 1)
                } else {
                    reportMissingArgumentValue(label: labelIndex)
                }
                addArgument(label: labelIndex, start: start, to: &arguments)
            }
            more = argumentSeparator()
        }
        let end = expectClose(openIndex, callee: nameIndex, level: level)
        buildCall(nameIndex, arguments, end: end, at: openIndex, level: level)
    }

    /// Consumes `name =` (or the YAML habit `name:`, reported and read as `=`) at the cursor and
    /// returns the name's index; -1 for a positional argument.
    @inline(never)
    private mutating func argumentLabel() -> Int {
        guard current.kind == .name, peekKind(1) == .equal || peekKind(1) == .colon else { return -1 }
        let labelIndex = consume()
        let separator = advance()
        if separator.kind == .colon { reportColonLabel(separator, label: tokens[labelIndex]) }
        return labelIndex
    }

    /// Pops an argument's value and appends the argument, reporting a positional one after a named
    /// one. The value starts at `tokens[start]`.
    @inline(never)
    private mutating func addArgument(label labelIndex: Int, start: Int, to arguments: inout CallArguments) {
        let value = pop()
        if labelIndex < 0, arguments.firstLabel >= 0 {
            // A missing value ends where it was expected, which can be before `tokens[start]`.
            let range = cover(tokens[start].range.lowerBound, max(value.range.upperBound, previousEnd))
            reportPositionalAfterNamed(range, named: identifier(arguments.firstLabel))
        }
        if arguments.firstLabel < 0 { arguments.firstLabel = labelIndex }
        arguments.list.append(Argument(label: labelIndex >= 0 ? identifier(labelIndex) : nil, value: value.expr))
        arguments.depth = max(arguments.depth, value.depth)
    }

    /// After an argument: consumes a `,` and returns true when another argument follows. A missing
    /// `,` before something that starts an expression is reported and the next argument parsed.
    @inline(never)
    private mutating func argumentSeparator() -> Bool {
        switch current.kind {
        case .comma:
            advance()
            return true
        case let kind where kind.startsExpression && kind != .unknown:
            reportMissingComma()
            return true
        default:
            // `)`, or something `expectClose` reports.
            return false
        }
    }

    /// Pushes the call of `tokens[nameIndex]`.
    @inline(never)
    private mutating func buildCall(
        _ nameIndex: Int, _ arguments: CallArguments, end: Int, at openIndex: Int, level: Int
    ) {
        push(
            node(
                .call(identifier(nameIndex), arguments.list), range: cover(tokens[nameIndex].range.lowerBound, end),
                depth: arguments.depth + 1, level: level, at: openIndex))
    }

    /// The identifier of the name token at `tokenIndex`.
    func identifier(_ tokenIndex: Int) -> Identifier {
        Identifier(text(tokens[tokenIndex]), span: span(tokens[tokenIndex].range))
    }
}
