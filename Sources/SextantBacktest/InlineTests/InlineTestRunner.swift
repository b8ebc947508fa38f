import SextantGraph
public import SextantLanguage

/// Runs the inline tests of a strategy file (`tests:`, DSL.md §2): the library behind `sextant test`.
///
/// ```swift
/// if case .strategy(let strategy) = Linter.lint(path: "Strategies/sma_cross.yaml").checked {
///     let results = InlineTestRunner.run(strategy)
///     print(results.allSatisfy(\.passed))
/// }
/// ```
/// For each test: the bars are built (`InlineTestBars`), the strategy is checked again with the test's
/// params (so an override is checked like a declared value) and planned for them; signal and `let`
/// expectations read the batch evaluation of that graph, and event expectations (`fills.buy`,
/// `rejections.cooldown`…) read a backtest of the bars with the default settings (10,000 cash, no
/// commission, slippage or spread) and the strategy's `orders:`. The backtest runs only for tests that
/// expect events.
public enum InlineTestRunner {
    /// Runs every test of `strategy`, in file order.
    public static func run(_ strategy: CheckedStrategy) -> [InlineTestResult] {
        strategy.document.tests.map { run($0, of: strategy) }
    }

    /// Runs one test.
    public static func run(_ test: InlineTest, of strategy: CheckedStrategy) -> InlineTestResult {
        let overrides = Dictionary(
            test.params.map { ($0.name.value, $0.value.value) }, uniquingKeysWith: { _, last in last })
        let data = InlineTestBars.marketData(of: test, strategy: strategy.document)
        var result = InlineTestResult(
            name: test.name.value, span: test.span, bars: data.count, params: [], expectations: [])
        var diagnostics = DiagnosticBag()
        let rechecked =
            overrides.isEmpty ? strategy : Checker.check(strategy.document, params: overrides, into: &diagnostics)
        guard let checked = rechecked else {
            // The declared values checked, so an error here comes from an override: point at it too.
            let notes = test.params.map { Diagnostic.Note("the test sets `\($0.name.value)` here", at: $0.value.span) }
            result.problems = diagnostics.sorted.filter { $0.severity == .error }.map {
                var problem = $0
                problem.notes += notes
                return problem
            }
            return result
        }
        let values = Planner.values(of: checked, overrides)
        result.params = checked.params.map { ($0.name, values[$0.name] ?? $0.value) }

        let expectations = test.expect.compactMap { entry in
            InlineExpectPath(entry.path.value).map { (path: $0, span: entry.path.span, bars: entry.bars.value) }
        }
        let simulated = expectations.contains { $0.path.graphOutput == nil }
        let signalPaths = ["entry.long", "entry.short", "exit.long", "exit.short"]
        var outputs = Set(expectations.compactMap(\.path.graphOutput))
        // A failing event expectation shows the signals around it.
        if simulated { outputs.formUnion(signalPaths) }
        let graph = Planner.plan(checked, params: overrides)
        let columns = outputs.isEmpty ? [:] : BatchEvaluator.evaluate(graph, data: data, keep: outputs).columns
        let events =
            simulated
            ? simulate(
                checked, data, overrides, signals: signalPaths.compactMap { path in columns[path].map { (path, $0) } })
            : nil

        for expectation in expectations {
            let expected = Array(Set(expectation.bars)).sorted()
            var outcome = InlineExpectationResult(
                path: expectation.path, span: expectation.span, expected: expected, got: [])
            if let output = expectation.path.graphOutput {
                guard let column = columns[output] else {
                    result.problems.append(
                        Diagnostic(
                            .invalidInlineTest,
                            "`\(output)` reads the position or the account, which only the simulation knows: a test cannot evaluate it on its own",
                            at: expectation.span))
                    continue
                }
                outcome.got = column.indices.filter { column[$0] == 1 }
                if let bar = outcome.firstDifference, let expr = expression(output, in: checked) {
                    outcome.inputs = inputs(of: expr, in: checked, params: overrides, data: data, at: bar)
                }
            } else if let events {
                outcome.got = events.bars(expectation.path) ?? []
                if let bar = outcome.firstDifference { outcome.events = events.around(bar) }
            }
            result.expectations.append(outcome)
        }
        return result
    }

    private static func simulate(
        _ strategy: CheckedStrategy, _ data: MarketData, _ params: [String: Double],
        signals: [(path: String, column: [Double])]
    ) -> InlineTestEvents {
        let settings = BacktestSettings(orders: strategy.document.orders)
        return InlineTestEvents(
            result: Backtester.run(strategy, data: data, params: params, settings: settings), signals: signals)
    }

    private static func expression(_ output: String, in strategy: CheckedStrategy) -> CheckedExpr? {
        (strategy.lets + strategy.sections).first { $0.path == output }?.expr
    }

    // MARK: - Inputs of a failing signal

    /// The most inputs shown for one failure.
    static let maxInputs = 8

    /// The values at `bar` of what `expr` is made of: the operands of its top-level operator or call
    /// (through `let` names), and for a chain of `and`/`or` each condition's own operands too.
    static func inputs(
        of expr: CheckedExpr, in strategy: CheckedStrategy, params: [String: Double], data: MarketData, at bar: Int
    ) -> [InlineTestInput] {
        let lets = Dictionary(
            strategy.lets.map { (String($0.path.dropFirst("let.".count)), $0.expr) },
            uniquingKeysWith: { first, _ in first })
        var parts: [CheckedExpr] = []
        let top = operands(of: expr, lets: lets)
        let isChain = top.count > 0 && isLogical(resolved(expr, lets: lets))
        for operand in top {
            parts.append(operand)
            if isChain { parts += operands(of: operand, lets: lets) }
        }
        var named: [(name: String, expr: CheckedExpr)] = []
        for part in parts where part.stage == .market || part.stage == .param {
            guard part.type.isNumeric || part.type.isBoolean else { continue }
            let name = String(part.span.text)
            guard !named.contains(where: { $0.name == name }) else { continue }
            named.append((name, part))
            if named.count == maxInputs { break }
        }
        guard !named.isEmpty else { return [] }
        let graph = Planner.plan(named, strategy: strategy, params: params)
        let columns = BatchEvaluator.evaluate(graph, data: data).columns
        return named.map { entry in
            let column = columns[entry.name] ?? []
            return InlineTestInput(
                name: entry.name, value: bar < column.count ? column[bar] : .nan, isCondition: entry.expr.type.isBoolean
            )
        }
    }

    /// `expr` with `let` references replaced by their bindings (at the top only).
    private static func resolved(_ expr: CheckedExpr, lets: [String: CheckedExpr]) -> CheckedExpr {
        var current = expr
        var hops = 0
        while case .letReference(let name) = current.node, let bound = lets[name], hops < lets.count {
            current = bound
            hops += 1
        }
        return current
    }

    private static func isLogical(_ expr: CheckedExpr) -> Bool {
        if case .binary(let op, _, _) = expr.node { return op == .and || op == .or }
        return false
    }

    /// The direct operands of `expr` (through a top `let` name), a chain of one logical operator
    /// flattened: `a and b and c` gives `a`, `b`, `c`.
    private static func operands(of expr: CheckedExpr, lets: [String: CheckedExpr]) -> [CheckedExpr] {
        let top = resolved(expr, lets: lets)
        guard case .binary(let op, _, _) = top.node, op == .and || op == .or else {
            return top.children.filter { child in
                if case .duration = child.node { return false }
                return true
            }
        }
        var result: [CheckedExpr] = []
        var stack = [top]
        while let node = stack.popLast() {
            if case .binary(let inner, let lhs, let rhs) = node.node, inner == op {
                stack.append(rhs)
                stack.append(lhs)
            } else {
                result.append(node)
            }
        }
        return result
    }
}
