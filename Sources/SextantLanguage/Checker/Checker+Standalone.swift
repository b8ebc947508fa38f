extension Checker {
    /// Checks one standalone expression (`sextant eval -e NAME=EXPR`), optionally in the scope of a
    /// checked strategy (its params, lets and symbol aliases). Market data only: no position state.
    /// Returns nil when the expression has an error (reported into `diagnostics`).
    public static func check(
        expression source: ExpressionSource, path: String, in strategy: CheckedStrategy? = nil,
        aliases: [String] = [], into diagnostics: inout DiagnosticBag
    ) -> CheckedExpr? {
        let before = diagnostics.errorCount
        let expr = ExpressionParser.parse(source, into: &diagnostics)
        guard diagnostics.errorCount == before else { return nil }
        var scope = Scope()
        if let strategy {
            for param in strategy.params {
                scope.params[param.name] = .init(type: param.type, value: param.value, span: source.wholeSpan)
            }
            for named in strategy.lets {
                let name = String(named.path.dropFirst("let.".count))
                scope.lets[name] = named.expr
                scope.letSpans[name] = named.expr.span
            }
            for symbol in strategy.document.symbols where strategy.document.symbols.count > 1 {
                scope.aliases.insert(symbol.alias)
            }
        }
        scope.aliases.formUnion(aliases)
        var checker = ExpressionChecker(scope: scope, diagnostics: diagnostics)
        let checked = checker.check(expr, in: ExpressionContext(path: path, allowsState: false))
        diagnostics = checker.diagnostics
        if case .record(let fields) = checked.type.base {
            diagnostics.report(
                Diagnostic(
                    .recordUsedAsValue,
                    "`\(path)` has several outputs; choose one with \(fields.map { "`.\($0)`" }.joined(separator: ", "))",
                    at: checked.span))
            return nil
        }
        guard diagnostics.errorCount == before, !checked.type.isError else { return nil }
        return checked
    }
}
