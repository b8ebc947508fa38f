import Testing

@testable import SextantLanguage

/// The expression parser. The other `Parser*Tests.swift` files extend this suite, so that
/// `swift test --filter ParserTests` runs all of them.
///
/// Expected trees are written by hand from `Grammar/expression.ebnf` and `Grammar/precedence.md`,
/// in the `Expr.dump` notation: `(op lhs rhs)`, `(call f args)`, `(pct fraction)`, `(dur n unit)`,
/// `(hist x n)`, `(. x field)`, `(if c a b)`, `(invalid)`.
@Suite struct ParserTests {
    /// Parses a standalone expression and returns the tree with its diagnostics in position order.
    static func parse(_ text: String) -> (expr: Expr, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let expr = ExpressionParser.parse(ExpressionSource(standalone: text), into: &bag)
        return (expr, bag.sorted)
    }

    /// `ID@line:column` for each diagnostic, for compact expectations.
    static func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id)@\($0.location)" }
    }

    /// Lines describing diagnostics, for failure messages.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.id) \($0.location) \($0.message)" }.joined(separator: "\n")
    }

    @Test(
        "valid expressions parse to the expected tree with no diagnostics",
        arguments: [
            // Literals.
            ("14", "14"),
            ("0.5", "0.5"),
            ("1e-3", "0.001"),
            ("2.5E+6", "2500000"),
            ("1_000_000", "1000000"),
            ("25%", "(pct 0.25)"),
            ("0.1%", "(pct 0.001)"),
            ("150%", "(pct 1.5)"),
            ("5 bars", "(dur 5 bars)"),
            ("30m", "(dur 30 m)"),
            ("4h", "(dur 4 h)"),
            ("1d", "(dur 1 d)"),
            ("1.5h", "(dur 1.5 h)"),
            ("true", "true"),
            ("false", "false"),
            ("na", "na"),
            ("close", "close"),
            ("_tmp2", "_tmp2"),
            ("bars", "bars"),
            ("m + h", "(+ m h)"),
            // Calls and named arguments.
            ("sma(close, 20) > 3", "(> (call sma close 20) 3)"),
            ("kelly()", "(call kelly)"),
            ("risk_fraction(1%, stop = 2 * atr(14))", "(call risk_fraction (pct 0.01) stop=(* 2 (call atr 14)))"),
            ("bbands(close, 20, nbdev_up = 2, nbdev_down = 2)", "(call bbands close 20 nbdev_up=2 nbdev_down=2)"),
            ("sma ( close , 20 )", "(call sma close 20)"),
            // Logical operators and `not`.
            ("a or b and c", "(or a (and b c))"),
            ("a and b or c", "(or (and a b) c)"),
            ("a or b or c", "(or (or a b) c)"),
            ("not a and b", "(and (not a) b)"),
            ("not a > b", "(not (> a b))"),
            ("a and not b", "(and a (not b))"),
            ("not not a", "(not (not a))"),
            ("not(a)", "(not a)"),
            ("not (a < b) and (c >= d or e != f)", "(and (not (< a b)) (or (>= c d) (!= e f)))"),
            // Comparisons and arithmetic.
            ("a == b", "(== a b)"),
            ("a != b", "(!= a b)"),
            ("a <= b", "(<= a b)"),
            ("a >= b", "(>= a b)"),
            ("a + 1 > b * 2", "(> (+ a 1) (* b 2))"),
            ("a + b * c", "(+ a (* b c))"),
            ("(a + b) * c", "(* (+ a b) c)"),
            ("a - b - c", "(- (- a b) c)"),
            ("a / b * c", "(* (/ a b) c)"),
            ("sma(close,20)>sma(close,50)", "(> (call sma close 20) (call sma close 50))"),
            ("a\n  and b", "(and a b)"),
            ("((x))", "x"),
            // Percent sign versus remainder.
            ("10%3", "(% 10 3)"),
            ("10 % 3", "(% 10 3)"),
            ("10%x", "(% 10 x)"),
            ("10%(x)", "(% 10 x)"),
            ("a % b", "(% a b)"),
            ("5% - 1", "(- (pct 0.05) 1)"),
            ("(5%)", "(pct 0.05)"),
            ("drawdown > 10%", "(> drawdown (pct 0.1))"),
            // `of`: tighter than `* / %`, looser than prefix `-`.
            ("25% of equity", "(of (pct 0.25) equity)"),
            ("2 * 3% of equity", "(* 2 (of (pct 0.03) equity))"),
            ("x / 25% of equity", "(/ x (of (pct 0.25) equity))"),
            ("25% of equity * 2", "(* (of (pct 0.25) equity) 2)"),
            ("-25% of equity", "(of (- (pct 0.25)) equity)"),
            ("day_pnl < -5% of equity", "(< day_pnl (of (- (pct 0.05)) equity))"),
            ("50% of (10% of equity)", "(of (pct 0.5) (of (pct 0.1) equity))"),
            // Prefix minus and postfix.
            ("-x", "(- x)"),
            ("- -x", "(- (- x))"),
            ("-x[1]", "(- (hist x 1))"),
            ("2 * -3", "(* 2 (- 3))"),
            ("close[1]", "(hist close 1)"),
            ("close[1][2]", "(hist (hist close 1) 2)"),
            ("x [1]", "(hist x 1)"),
            ("x[-1]", "(hist x (- 1))"),
            ("macd(close).signal", "(. (call macd close) signal)"),
            ("macd(close).signal[1]", "(hist (. (call macd close) signal) 1)"),
            ("eth.close", "(. eth close)"),
            ("(close - open)[1]", "(hist (- close open) 1)"),
            // A member of a number is syntax; the checker rejects it.
            ("5.x", "(. 5 x)"),
            // Conditionals.
            ("if a then b else c", "(if a b c)"),
            ("if a then b else if c then d else e", "(if a b (if c d e))"),
            ("if a then if b then 1 else 2 else 3", "(if a (if b 1 2) 3)"),
            ("if a > b then 1 else -1", "(if (> a b) 1 (- 1))"),
            ("if a then b else c + 1", "(if a b (+ c 1))"),
            ("(if a then 1 else 2) + 3", "(+ (if a 1 2) 3)"),
            ("max(if a then 1 else 2, 0)", "(call max (if a 1 2) 0)"),
            ("close[if a then 1 else 2]", "(hist close (if a 1 2))"),
        ])
    func validExpression(_ text: String, _ expected: String) {
        let (expr, diagnostics) = Self.parse(text)
        #expect(diagnostics.isEmpty, "\(Self.describe(diagnostics))")
        #expect(expr.dump == expected)
    }

    @Test("the dump example of the public API documentation holds")
    func documentedDump() {
        #expect(Self.parse("sma(close, 20) > 3").expr.dump == "(> (call sma close 20) 3)")
    }

    @Test("literal values are exact: numbers, fractions of percentages, durations")
    func literalValues() {
        #expect(Self.parse("12.3%").expr.kind == .percent(0.123))
        #expect(Self.parse("0.07%").expr.kind == .percent(0.0007))
        #expect(Self.parse("1e3%").expr.kind == .percent(10))
        #expect(Self.parse("1_000.5").expr.kind == .number(1000.5))
        #expect(Self.parse("2.5E-2").expr.kind == .number(0.025))
        #expect(Self.parse("90m").expr.kind == .duration(90, .minutes))
        #expect(Self.parse("5 bars").expr.kind == .duration(5, .bars))
    }

    @Test("call arguments keep their labels and identifiers their names")
    func callStructure() throws {
        let expr = Self.parse("risk_fraction(risk_per_trade, stop = 2 * atr(14))").expr
        guard case .call(let callee, let arguments) = expr.kind else {
            Issue.record("not a call: \(expr.dump)")
            return
        }
        #expect(callee.name == "risk_fraction")
        #expect(arguments.count == 2)
        #expect(arguments.first?.label == nil)
        #expect(arguments.last?.label?.name == "stop")
        #expect(arguments.last?.label?.span.text == "stop")
        #expect(arguments.last?.span.text == "stop = 2 * atr(14)")
    }
}
