/// One run of the checker over a strategy document.
struct StrategyCheck {
    let document: StrategyDocument
    /// Param values that replace the declared ones (a backtest's `--param`, an optimizer's point).
    var overrides: [String: Double] = [:]
    var checker: ExpressionChecker
    private let errorsBefore: Int

    init(document: StrategyDocument, diagnostics: DiagnosticBag) {
        self.document = document
        self.errorsBefore = diagnostics.errorCount
        self.checker = ExpressionChecker(scope: Scope(), diagnostics: diagnostics)
    }

    mutating func run() -> CheckedStrategy? {
        declareSymbols()
        let params = checkParams()
        let lets = checkLets()
        let sections = checkSections()
        warnUnused()
        guard checker.diagnostics.errorCount == errorsBefore else { return nil }
        return CheckedStrategy(document: document, params: params, lets: lets, sections: sections)
    }

    /// Every name an expression of the document mentions (as a value or a callee), whether or not it
    /// parsed or checked: the unused-name warnings must not fire for names used in a broken expression.
    private var referenced: Set<String> = []

    /// Parses a field, records the names it mentions, and returns the tree if the parse was clean.
    private mutating func parse(_ field: ExpressionField) -> Expr? {
        let before = checker.diagnostics.errorCount
        let expr = ExpressionParser.parse(field.source, into: &checker.diagnostics)
        var stack = [expr]
        while let node = stack.popLast() {
            switch node.kind {
            case .name(let name): referenced.insert(name)
            case .call(let callee, _): referenced.insert(callee.name)
            default: break
            }
            stack.append(contentsOf: node.children)
        }
        return checker.diagnostics.errorCount == before ? expr : nil
    }

    // MARK: - Declarations

    /// Names a param, let or alias may not take: they would hide a bar column or state value.
    private func reservedMeaning(of name: String) -> String? {
        if BarName(rawValue: name) != nil { return "a bar column" }
        if StateVariable(rawValue: name) != nil { return "a state value" }
        if ["true", "false", "na", "and", "or", "not", "if", "then", "else", "of"].contains(name) {
            return "a keyword"
        }
        return nil
    }

    private mutating func declare(_ name: String, at span: SourceSpan) -> Bool {
        if let meaning = reservedMeaning(of: name) {
            checker.report(
                .duplicateName, "`\(name)` is \(meaning) and cannot be redefined", at: span,
                suggestion: "choose another name")
            return false
        }
        if let first = declared[name] {
            checker.report(
                .duplicateName, "`\(name)` is declared twice", at: span,
                notes: [.init("first declared here", at: first)])
            return false
        }
        declared[name] = span
        return true
    }

    private var declared: [String: SourceSpan] = [:]

    private mutating func declareSymbols() {
        guard document.symbols.count > 1 || document.symbols.contains(where: { $0.alias != $0.symbol }) else { return }
        for symbol in document.symbols where declare(symbol.alias, at: symbol.span) {
            checker.scope.aliases.insert(symbol.alias)
        }
    }

    private mutating func checkParams() -> [CheckedStrategy.Param] {
        var params: [CheckedStrategy.Param] = []
        let constantContext = ExpressionContext(path: "params", allowsState: false)
        for declaration in document.params {
            guard declare(declaration.name, at: declaration.nameSpan) else { continue }
            let context = ExpressionContext(path: "params.\(declaration.name)", allowsState: false)
            guard let expr = parse(declaration.value) else {
                checker.scope.params[declaration.name] = .init(type: .error, value: nil, span: declaration.nameSpan)
                continue
            }
            // A default may use earlier params' names only through literals: it must fold alone.
            var isolated = ExpressionChecker(scope: Scope(), diagnostics: checker.diagnostics)
            let checked = isolated.check(expr, in: constantContext.with(path: context.path))
            checker.diagnostics = isolated.diagnostics
            var value: Double?
            if checked.type.isNumeric || checked.type.base == .duration {
                value = isolated.folder.number(checked)
            } else if checked.type.isBoolean {
                value = isolated.folder.bool(checked).map { $0 ? 1 : 0 }
            }
            guard !checked.type.isError, let declared = value, checked.stage == .const else {
                if !checked.type.isError {
                    checker.report(
                        .invalidParam,
                        "param `\(declaration.name)` must be a number, percent, duration or true/false written as a literal",
                        at: checked.span)
                }
                checker.scope.params[declaration.name] = .init(type: .error, value: nil, span: declaration.nameSpan)
                continue
            }
            let type = ValueType(checked.type.base)
            // An override replaces the value everywhere it is checked (lengths, offsets); the range is the
            // optimizer's default grid, so a value given explicitly may lie outside it.
            let overridden = overrides[declaration.name]
            let effective = overridden ?? declared
            checker.scope.params[declaration.name] = .init(type: type, value: effective, span: declaration.nameSpan)
            if let range = declaration.range, overridden == nil {
                checkRange(range, value: effective, name: declaration.name)
            }
            params.append(
                .init(
                    name: declaration.name, type: type, value: effective, range: declaration.range?.value,
                    doc: declaration.doc))
        }
        return params
    }

    private mutating func checkRange(_ range: Located<[Double]>, value: Double, name: String) {
        let bounds = range.value
        guard bounds.count == 3, bounds.allSatisfy(\.isFinite) else {
            checker.report(.invalidRange, "`range` of `\(name)` must be [start, stop, step]", at: range.span)
            return
        }
        let (start, stop, step) = (bounds[0], bounds[1], bounds[2])
        if step <= 0 || start > stop {
            checker.report(.invalidRange, "`range` of `\(name)` must have start ≤ stop and a step > 0", at: range.span)
        } else if (stop - start) / step > 1_000_000 {
            checker.report(.invalidRange, "`range` of `\(name)` has more than a million points", at: range.span)
        } else if value < start || value > stop {
            checker.report(
                .invalidRange,
                "the value of `\(name)` (\(checker.format(value))) lies outside its range [\(checker.format(start)), \(checker.format(stop))]",
                at: range.span)
        }
    }

    // MARK: - Lets

    private mutating func checkLets() -> [CheckedStrategy.Named] {
        var parsed: [String: Expr] = [:]
        var order: [String] = []
        var spans: [String: SourceSpan] = [:]
        for declaration in document.lets {
            guard declare(declaration.name, at: declaration.nameSpan) else { continue }
            checker.scope.letSpans[declaration.name] = declaration.nameSpan
            spans[declaration.name] = declaration.nameSpan
            order.append(declaration.name)
            if let expr = parse(declaration.value) { parsed[declaration.name] = expr }
        }
        let graph = LetGraph(order: order, expressions: parsed)
        for cycle in graph.cycles {
            reportCycle(cycle, spans: spans)
        }
        var result: [CheckedStrategy.Named] = []
        for name in graph.sorted {
            guard let expr = parsed[name] else { continue }
            let checked = checker.check(expr, in: ExpressionContext(path: "let.\(name)", allowsState: true))
            guard !checked.type.isError else { continue }
            if checked.type.base == .size {
                checker.report(
                    .sizingOutsideSize, "a sizing function cannot be bound with `let`; write it in `size:`",
                    at: checked.span)
                continue
            }
            checker.scope.lets[name] = checked
            result.append(.init(path: "let.\(name)", expr: checked))
        }
        return result
    }

    private mutating func reportCycle(_ cycle: [LetGraph.Edge], spans: [String: SourceSpan]) {
        guard let first = cycle.first, let span = spans[first.from] else { return }
        let names = cycle.map(\.from) + [first.from]
        let path = names.map { "`\($0)`" }.joined(separator: " → ")
        let notes = cycle.map { Diagnostic.Note("`\($0.from)` uses `\($0.to)` here", at: $0.span) }
        checker.report(
            .letCycle, "`let` bindings form a cycle: \(path)", at: span, notes: notes,
            suggestion:
                "a binding cannot depend on itself; to use an earlier bar's value, write `name[1]` on a non-cyclic expression"
        )
    }

    // MARK: - Sections

    private mutating func checkSections() -> [CheckedStrategy.Named] {
        var sections: [CheckedStrategy.Named] = []
        func add(_ path: String, _ checked: CheckedExpr?) {
            if let checked, !checked.type.isError { sections.append(.init(path: path, expr: checked)) }
        }
        for (side, field) in [("long", document.entry.long), ("short", document.entry.short)] {
            add("entry.\(side)", condition(field, path: "entry.\(side)", allowsState: false))
        }
        for (side, field) in [("long", document.exit.long), ("short", document.exit.short)] {
            add("exit.\(side)", condition(field, path: "exit.\(side)", allowsState: true))
        }
        if let size = document.size { add("size", checkSize(size)) }
        let stops = document.stops
        for (key, field) in [("loss", stops.loss), ("trailing", stops.trailing), ("take_profit", stops.takeProfit)] {
            add("stops.\(key)", amount(field, path: "stops.\(key)"))
        }
        add("stops.max_bars", amount(stops.maxBars, path: "stops.max_bars", durationAllowed: true))
        let risk = document.risk
        add("risk.max_position", amount(risk.maxPosition, path: "risk.max_position"))
        add("risk.max_daily_loss", amount(risk.maxDailyLoss, path: "risk.max_daily_loss"))
        add("risk.max_drawdown", amount(risk.maxDrawdown, path: "risk.max_drawdown"))
        add("risk.cooldown", amount(risk.cooldown, path: "risk.cooldown", durationAllowed: true))
        add("risk.max_trades_per_day", amount(risk.maxTradesPerDay, path: "risk.max_trades_per_day"))
        warnExits()
        return sections
    }

    private mutating func condition(_ field: ExpressionField?, path: String, allowsState: Bool) -> CheckedExpr? {
        guard let field, let expr = parse(field) else { return nil }
        let checked = checker.check(expr, in: ExpressionContext(path: path, allowsState: allowsState))
        if checked.type.isError { return nil }
        guard checked.type.isBoolean else {
            checker.report(
                .typeMismatch, "`\(path)` must be a condition (series<bool>), but this is \(checked.type)",
                at: checked.span,
                suggestion: "compare it, e.g. `\(checked.span.text) > 0`")
            return nil
        }
        if let constant = checker.folder.bool(checked) {
            checker.report(.constantCondition, "`\(path)` is always \(constant)", at: checked.span)
        }
        return checked
    }

    private mutating func amount(_ field: ExpressionField?, path: String, durationAllowed: Bool = false) -> CheckedExpr?
    {
        guard let field, let expr = parse(field) else { return nil }
        let checked = checker.check(expr, in: ExpressionContext(path: path, allowsState: true))
        if checked.type.isError { return nil }
        guard checked.type.isNumeric || (durationAllowed && checked.type.base == .duration) else {
            let expected = durationAllowed ? "a number of bars (`30` or `30 bars`)" : "a number"
            checker.report(
                .typeMismatch, "`\(path)` must be \(expected), but this is \(checked.type)", at: checked.span)
            return nil
        }
        return checked
    }

    private mutating func checkSize(_ field: ExpressionField) -> CheckedExpr? {
        guard let expr = parse(field) else { return nil }
        let checked = checker.check(expr, in: ExpressionContext(path: "size", allowsState: true, isSize: true))
        if checked.type.isError { return nil }
        guard checked.type.base == .size || checked.type.isNumeric else {
            checker.report(
                .typeMismatch, "`size` must be a sizing function or a number of units, but this is \(checked.type)",
                at: checked.span, suggestion: "e.g. `percent_equity(10%)` or `risk_fraction(1%, stop = 2 * atr(14))`")
            return nil
        }
        return checked
    }

    /// W0003: a side that can be entered but never left.
    private mutating func warnExits() {
        guard document.stops.isEmpty else { return }
        let sides = [
            ("long", document.entry.long, document.exit.long, document.entry.short),
            ("short", document.entry.short, document.exit.short, document.entry.long),
        ]
        for (side, entry, exit, opposite) in sides {
            guard let entry, exit == nil, opposite == nil else { continue }
            checker.report(
                .entryWithoutExit,
                "`entry.\(side)` opens positions that nothing closes: there is no `exit.\(side)`, no opposite entry and no stop",
                at: entry.keySpan, suggestion: "add `exit.\(side)` or a `stops:` section")
        }
    }

    private mutating func warnUnused() {
        // Only names that were declared successfully: a rejected declaration already has its error.
        for param in document.params where checker.scope.params[param.name] != nil && !referenced.contains(param.name) {
            checker.report(.unusedParam, "param `\(param.name)` is never used", at: param.nameSpan)
        }
        for binding in document.lets
        where checker.scope.letSpans[binding.name] != nil && !referenced.contains(binding.name) {
            checker.report(.unusedLet, "`let` binding `\(binding.name)` is never used", at: binding.nameSpan)
        }
    }
}

extension ExpressionContext {
    func with(path: String) -> ExpressionContext {
        var copy = self
        copy.path = path
        return copy
    }
}
