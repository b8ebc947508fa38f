/// Checks documents: parses each expression, then resolves names, types, stages and warm-ups.
///
/// ```swift
/// var diagnostics = DiagnosticBag()
/// if let checked = Checker.check(strategy, into: &diagnostics) { print(checked.warmup) }
/// ```
/// Every expression is parsed first; an expression with a syntax error is not type-checked (its
/// errors would only be noise), but every other expression of the file still is.
public enum Checker {
    /// Checks a strategy document. Returns nil when any error was reported.
    /// `params` replaces declared param values (`--param`, an optimizer's point): lengths and offsets
    /// are checked with them, and the checked strategy carries them as its values.
    public static func check(
        _ document: StrategyDocument, params: [String: Double] = [:], into diagnostics: inout DiagnosticBag
    ) -> CheckedStrategy? {
        var run = StrategyCheck(document: document, diagnostics: diagnostics)
        run.overrides = params
        let result = run.run()
        diagnostics = run.checker.diagnostics
        return result
    }

    /// Checks a risk document. Returns nil when any error was reported.
    public static func check(_ document: RiskDocument, into diagnostics: inout DiagnosticBag) -> CheckedRisk? {
        let errorsBefore = diagnostics.errorCount
        var scope = Scope()
        scope.barsVisible = false
        var checker = ExpressionChecker(scope: scope, diagnostics: diagnostics)
        var limits: [CheckedStrategy.Named] = []
        for limit in document.limits {
            let path = "limits.\(limit.key)"
            let context = ExpressionContext(path: path, allowsState: true)
            guard let expr = parse(limit.value, &checker.diagnostics) else { continue }
            let checked = checker.check(expr, in: context)
            if !checked.type.isError, !checked.type.isNumeric || checked.type.isSeries && checked.stage < .state {
                if !checked.type.isNumeric {
                    checker.report(
                        .typeMismatch, "`\(path)` must be a number or an amount, but this is \(checked.type)",
                        at: checked.span)
                }
            }
            limits.append(.init(path: path, expr: checked))
        }
        var breakers: [(condition: CheckedStrategy.Named, action: CircuitBreaker.Action)] = []
        for (index, breaker) in document.circuitBreakers.enumerated() {
            let path = "circuit_breakers[\(index)].when"
            guard let expr = parse(breaker.when, &checker.diagnostics) else { continue }
            let checked = checker.check(expr, in: ExpressionContext(path: path, allowsState: true))
            if !checked.type.isError, !checked.type.isBoolean {
                checker.report(
                    .typeMismatch, "`when` must be a condition, but this is \(checked.type)", at: checked.span,
                    suggestion: "compare it, e.g. `drawdown > 10%`")
            }
            breakers.append((.init(path: path, expr: checked), breaker.action.value))
        }
        diagnostics = checker.diagnostics
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return CheckedRisk(document: document, limits: limits, breakers: breakers)
    }

    /// Parses one field; nil when the parse reported an error.
    static func parse(_ field: ExpressionField, _ diagnostics: inout DiagnosticBag) -> Expr? {
        let before = diagnostics.errorCount
        let expr = ExpressionParser.parse(field.source, into: &diagnostics)
        return diagnostics.errorCount == before ? expr : nil
    }
}
