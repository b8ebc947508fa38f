/// Checks what inline tests expect against the checked strategy (E0504): the part of a test's
/// structure that needs types and stages, which the loader cannot see.
///
/// - An expected `let` must be a condition: "the bars where it is true" has no meaning for a number,
///   and reading a number as true when non-zero would pass tests by accident.
/// - An expected signal or `let` must not read the position or the account: those values exist only
///   inside the simulation, so the test runner cannot evaluate the expression on its own. Its effect
///   can be tested through the simulation's events (`fills.sell`, `trades.exit`…).
enum InlineTestCheck {
    static func check(_ strategy: CheckedStrategy, into diagnostics: inout DiagnosticBag) {
        let named = Dictionary(
            (strategy.lets + strategy.sections).map { ($0.path, $0.expr) }, uniquingKeysWith: { first, _ in first })
        for test in strategy.document.tests {
            for (path, _) in test.expect {
                guard let output = InlineExpectPath(path.value)?.graphOutput, let expr = named[output] else { continue }
                if !expr.type.isBoolean {
                    diagnostics.report(
                        Diagnostic(
                            .invalidInlineTest,
                            "`\(path.value)` is \(expr.type), not a condition: a test expects the bars where a condition is true",
                            at: path.span,
                            suggestion: "expect a boolean `let` instead, e.g. one that compares this value"))
                } else if expr.stage == .state {
                    let variable = stateVariable(in: expr, lets: named).map { "`\($0.rawValue)`" }
                    diagnostics.report(
                        Diagnostic(
                            .invalidInlineTest,
                            "`\(path.value)` reads the position or the account (\(variable ?? "a state value")), which only the simulation knows: a test cannot evaluate it on its own",
                            at: path.span,
                            suggestion:
                                "expect its effect in the simulation instead: `trades.exit`, `fills.buy` or `fills.sell`"
                        ))
                }
            }
        }
    }

    /// The first position or account value `expr` reads, through `let` references.
    private static func stateVariable(in expr: CheckedExpr, lets: [String: CheckedExpr]) -> StateVariable? {
        var stack = [expr]
        var seen: Set<String> = []
        while let node = stack.popLast() {
            switch node.node {
            case .state(let variable):
                return variable
            case .letReference(let name):
                if seen.insert(name).inserted, let bound = lets["let.\(name)"] { stack.append(bound) }
            default:
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return nil
    }
}
