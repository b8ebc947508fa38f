import SextantLanguage
import Testing

/// Expected diagnostic: its ID and the text it must point at (the `occurrence`-th match in the file).
struct Expected: CustomStringConvertible, Sendable {
    var id: DiagnosticID
    var marker: String
    var occurrence = 1
    var description: String { "\(id) at `\(marker)`#\(occurrence)" }
}

struct CheckerCase: CustomTestStringConvertible, Sendable {
    var name: String
    var body: String
    var expected: [Expected]
    var testDescription: String { name }
}

/// Strategy documents with exactly the diagnostics they must produce, each at an exact line and column.
let checkerCases: [CheckerCase] = [
    CheckerCase(
        name: "unknown function with suggestion",
        body: """
            entry:
              long: smaa(close, 10) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .unknownFunction, marker: "smaa")]),
    CheckerCase(
        name: "unknown name",
        body: """
            entry:
              long: closs > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .unknownName, marker: "closs")]),
    CheckerCase(
        name: "too many arguments",
        body: """
            entry:
              long: sma(close, 10, 3) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .wrongArity, marker: "3)")]),
    CheckerCase(
        name: "missing required argument",
        body: """
            entry:
              long: sma(close) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .wrongArity, marker: "sma(close)")]),
    CheckerCase(
        name: "unknown argument label",
        body: """
            entry:
              long: rsi(close, lenght = 10) > 50
            exit:
              long: close < 1
            """, expected: [Expected(id: .unknownArgumentLabel, marker: "lenght")]),
    CheckerCase(
        name: "argument given twice",
        body: """
            entry:
              long: rsi(close, 10, length = 12) > 50
            exit:
              long: close < 1
            """, expected: [Expected(id: .duplicateArgument, marker: "length = 12")]),
    CheckerCase(
        name: "arithmetic on a condition",
        body: """
            entry:
              long: (close > 1) + 1 > 0
            exit:
              long: close < 1
            """, expected: [Expected(id: .typeMismatch, marker: "(close > 1)")]),
    CheckerCase(
        name: "and on numbers",
        body: """
            entry:
              long: close and volume
            exit:
              long: close < 1
            """, expected: [Expected(id: .typeMismatch, marker: "close", occurrence: 1)]),
    CheckerCase(
        name: "signal that is not a condition",
        body: """
            entry:
              long: sma(close, 10)
            exit:
              long: close < 1
            """, expected: [Expected(id: .typeMismatch, marker: "sma(close, 10)")]),
    CheckerCase(
        name: "look-ahead with a negative offset",
        body: """
            entry:
              long: close[-1] > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .lookAhead, marker: "-1")]),
    CheckerCase(
        name: "look-ahead through a param",
        body: """
            params:
              shift: -2
            entry:
              long: close[shift] > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .lookAhead, marker: "shift]")]),
    CheckerCase(
        name: "data-dependent offset",
        body: """
            entry:
              long: close[bar_index] > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .nonConstantOffset, marker: "bar_index")]),
    CheckerCase(
        name: "fractional offset",
        body: """
            entry:
              long: close[1.5] > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .nonConstantOffset, marker: "1.5")]),
    CheckerCase(
        name: "length from market data",
        body: """
            entry:
              long: sma(close, volume) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .invalidLength, marker: "volume")]),
    CheckerCase(
        name: "fractional length",
        body: """
            entry:
              long: sma(close, 2.5) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .invalidLength, marker: "2.5")]),
    CheckerCase(
        name: "zero length through a param",
        body: """
            params:
              n: 0
            entry:
              long: ema(close, n) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .invalidLength, marker: "n)")]),
    CheckerCase(
        name: "setting from market data",
        body: """
            entry:
              long: close > bbands(close, 20, mult = close).upper
            exit:
              long: close < 1
            """, expected: [Expected(id: .settingNotConstant, marker: "close).upper")]),
    CheckerCase(
        name: "state in an entry",
        body: """
            entry:
              long: position == 0 and close > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .stateNotAllowed, marker: "position")]),
    CheckerCase(
        name: "state reaching an entry through a let",
        body: """
            let:
              flat: position == 0
            entry:
              long: flat and close > 1
            exit:
              long: flat
            """, expected: [Expected(id: .stateNotAllowed, marker: "flat and")]),
    CheckerCase(
        name: "two-let cycle",
        body: """
            let:
              a: b + 1
              b: a * 2
            entry:
              long: a > 1
            exit:
              long: b < 1
            """, expected: [Expected(id: .letCycle, marker: "a:")]),
    CheckerCase(
        name: "three-let cycle after a valid let",
        body: """
            let:
              base: close
              x: z + base
              y: x
              z: y
            entry:
              long: x > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .letCycle, marker: "x:")]),
    CheckerCase(
        name: "self-reference",
        body: """
            let:
              me: me[1] + 1
            entry:
              long: me > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .letCycle, marker: "me: me")]),
    CheckerCase(
        name: "multi-output result used whole",
        body: """
            entry:
              long: crosses_above(macd(close), 0)
            exit:
              long: close < 1
            """, expected: [Expected(id: .recordUsedAsValue, marker: "macd(close)")]),
    CheckerCase(
        name: "unknown record field",
        body: """
            entry:
              long: macd(close).histo > 0
            exit:
              long: close < 1
            """, expected: [Expected(id: .unknownField, marker: "histo")]),
    CheckerCase(
        name: "sizing function outside size",
        body: """
            entry:
              long: units(5) > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .sizingOutsideSize, marker: "units")]),
    CheckerCase(
        name: "size that is a condition",
        body: """
            entry:
              long: close > 1
            exit:
              long: close < 1
            size: close > 1
            """, expected: [Expected(id: .typeMismatch, marker: "close > 1", occurrence: 2)]),
    CheckerCase(
        name: "param declared twice as a let",
        body: """
            params:
              n: 10
            let:
              n: sma(close, 10)
            entry:
              long: n > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .duplicateName, marker: "n:", occurrence: 2)]),
    CheckerCase(
        name: "param shadowing a bar column",
        body: """
            params:
              close: 10
            entry:
              long: high > 1
            exit:
              long: low < 1
            """, expected: [Expected(id: .duplicateName, marker: "close")]),
    CheckerCase(
        name: "param that is not a literal",
        body: """
            params:
              n: sma(close, 5)
            entry:
              long: high > n
            exit:
              long: low < 1
            """, expected: [Expected(id: .invalidParam, marker: "sma(close, 5)")]),
    CheckerCase(
        name: "param value outside its range",
        body: """
            params:
              n: {value: 100, range: [5, 50, 5]}
            entry:
              long: sma(close, n) > close
            exit:
              long: low < 1
            """, expected: [Expected(id: .invalidRange, marker: "[5, 50, 5]")]),
    CheckerCase(
        name: "unused param and let",
        body: """
            params:
              n: 10
            let:
              spare: sma(close, 5)
            entry:
              long: close > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .unusedParam, marker: "n:"), Expected(id: .unusedLet, marker: "spare")]),
    CheckerCase(
        name: "entry with no way out",
        body: """
            entry:
              long: close > 1
            """, expected: [Expected(id: .entryWithoutExit, marker: "long")]),
    CheckerCase(
        name: "constant signal",
        body: """
            entry:
              long: 1 < 2
            exit:
              long: close < 1
            """, expected: [Expected(id: .constantCondition, marker: "1 < 2")]),
    CheckerCase(
        name: "division by zero",
        body: """
            entry:
              long: close / 0 > 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .divisionByZero, marker: "0 >")]),
    CheckerCase(
        name: "a bar column of an unknown alias field",
        body: """
            symbols: {a: KO, b: PEP}
            entry:
              long: a.closs > b.close
            exit:
              long: a.close < 1
            """, expected: [Expected(id: .unknownField, marker: "closs")]),
    CheckerCase(
        name: "a value called as a function",
        body: """
            params:
              fast: 10
            entry:
              long: fast(1) > close
            exit:
              long: close < 1
            """, expected: [Expected(id: .notCallable, marker: "fast(")]),
    CheckerCase(
        name: "duration in arithmetic",
        body: """
            entry:
              long: close > 5 bars + 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .typeMismatch, marker: "5 bars")]),
    CheckerCase(
        name: "branches of different types",
        body: """
            entry:
              long: if close > 1 then true else 1
            exit:
              long: close < 1
            """, expected: [Expected(id: .typeMismatch, marker: "if close")]),
    CheckerCase(
        name: "several independent errors in one pass",
        body: """
            let:
              bad1: sma(close, 0)
              bad2: foo(close)
            entry:
              long: bad1 > bad2 and close[-3] > 0
            exit:
              long: close < 1
            """,
        expected: [
            Expected(id: .invalidLength, marker: "0)"), Expected(id: .unknownFunction, marker: "foo"),
            Expected(id: .lookAhead, marker: "-3"),
        ]),
]

@Suite("Checker")
struct CheckerTests {
    @Test(arguments: checkerCases)
    func reportsExactDiagnostics(_ testCase: CheckerCase) throws {
        let text = "kind: strategy\nname: t\n" + testCase.body + "\n"
        let result = Fixtures.lint(text)
        let got = result.diagnostics.map { "\($0.id)@\($0.location)" }.sorted()
        let want = try testCase.expected.map { expected in
            let location = try #require(
                Fixtures.location(of: expected.marker, in: text, occurrence: expected.occurrence),
                "marker \(expected.marker) not in the case text")
            return "\(expected.id)@\(location)"
        }.sorted()
        #expect(got == want, "\(Fixtures.describe(result.diagnostics))")
        let hasErrors = testCase.expected.contains { $0.id.severity == .error }
        #expect((result.checked == nil) == hasErrors)
    }

    @Test func cycleNamesEveryBindingAndEdge() throws {
        let text = """
            kind: strategy
            name: t
            let:
              x: z + 1
              y: x
              z: y
            entry:
              long: x > 1
            exit:
              long: close < 1
            """
        let diagnostic = try #require(Fixtures.lint(text).diagnostics.first { $0.id == .letCycle })
        #expect(diagnostic.message.contains("`x` → `z` → `y` → `x`"))
        #expect(diagnostic.notes.count == 3)
        #expect(diagnostic.notes.compactMap { $0.span.map { "\($0.start)" } } == ["4:6", "6:6", "5:6"])
    }

    @Test func suggestsTheClosestFunction() throws {
        let text = "kind: strategy\nname: t\nentry:\n  long: emma(close, 5) > close\nexit:\n  long: close < 1\n"
        let diagnostic = try #require(Fixtures.lint(text).diagnostics.first)
        #expect(diagnostic.suggestion == "did you mean `ema`?")
    }
}

struct WarmupCase: CustomTestStringConvertible, Sendable {
    var expression: String
    var warmup: Int
    var testDescription: String { "\(expression) → \(warmup)" }
}

/// Warm-ups from TA-Lib's lookbacks (reference README `first` column) and their composition.
let warmupCases: [WarmupCase] = [
    WarmupCase(expression: "sma(close, 20)", warmup: 19),
    WarmupCase(expression: "ema(close, 20)", warmup: 19),
    WarmupCase(expression: "dema(close, 20)", warmup: 38),
    WarmupCase(expression: "tema(close, 20)", warmup: 57),
    WarmupCase(expression: "kama(close, 30)", warmup: 30),
    WarmupCase(expression: "t3(close, 5, 0.7)", warmup: 24),
    WarmupCase(expression: "rsi(close, 14)", warmup: 14),
    WarmupCase(expression: "macd(close, 12, 26, 9).signal", warmup: 33),
    WarmupCase(expression: "bbands(close, 20, 2).upper", warmup: 19),
    WarmupCase(expression: "atr(14)", warmup: 14),
    WarmupCase(expression: "trange()", warmup: 1),
    WarmupCase(expression: "adx(14)", warmup: 27),
    WarmupCase(expression: "adxr(14)", warmup: 40),
    WarmupCase(expression: "cci(14)", warmup: 13),
    WarmupCase(expression: "adosc(3, 10)", warmup: 9),
    WarmupCase(expression: "stoch(5, 3, 3).k", warmup: 8),
    WarmupCase(expression: "stochf(5, 3).d", warmup: 6),
    WarmupCase(expression: "stochrsi(close, 14, 5, 3).k", warmup: 20),
    WarmupCase(expression: "ppo(close, 12, 26)", warmup: 25),
    WarmupCase(expression: "ultosc(7, 14, 28)", warmup: 28),
    WarmupCase(expression: "beta(high, low, 5)", warmup: 5),
    WarmupCase(expression: "correl(high, low, 30)", warmup: 29),
    WarmupCase(expression: "ht_trendline(close)", warmup: 63),
    WarmupCase(expression: "sma(rsi(close, 14), 5)", warmup: 18),
    WarmupCase(expression: "ema(close, 50)[5]", warmup: 54),
    WarmupCase(expression: "crosses_above(sma(close, 10), sma(close, 20))", warmup: 20),
    WarmupCase(expression: "nz(sma(close, 10))", warmup: 0),
    WarmupCase(expression: "close - sma(close, 5) + atr(3)", warmup: 4),
]

@Suite("Warm-up")
struct WarmupTests {
    @Test(arguments: warmupCases)
    func warmupFollowsLookbacks(_ testCase: WarmupCase) throws {
        let text =
            "kind: strategy\nname: t\nlet:\n  v: \(testCase.expression)\nentry:\n  long: v == v\nexit:\n  long: close < 1\n"
        let result = Fixtures.lint(text)
        guard case .strategy(let strategy) = try #require(result.checked, "\(Fixtures.describe(result.diagnostics))")
        else {
            Issue.record("not a strategy")
            return
        }
        let checked = try #require(strategy.lets.first { $0.path == "let.v" })
        #expect(checked.expr.warmup == testCase.warmup)
    }

    @Test func strategyWarmupIsTheLongestPath() throws {
        let text = """
            kind: strategy
            name: t
            entry:
              long: crosses_above(sma(close, 10), sma(close, 30))
            exit:
              long: rsi(close, 14)[2] > 70
            stops:
              loss: 2 * atr(50)
            """
        guard case .strategy(let strategy) = try #require(Fixtures.lint(text).checked) else {
            Issue.record("not a strategy")
            return
        }
        #expect(strategy.section("entry.long")?.warmup == 30)
        #expect(strategy.section("exit.long")?.warmup == 16)
        #expect(strategy.warmup == 50)
    }
}
