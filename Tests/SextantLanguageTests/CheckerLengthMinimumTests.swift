import SextantIndicators
import SextantLanguage
import Testing

/// One length or count parameter whose builtin asks for more than its role's bound (`hurst` needs 17
/// values): read from the builtin table, so a new entry with a minimum is tested without editing here.
struct RaisedMinimum: CustomTestStringConvertible, Sendable {
    var builtin: String
    var parameter: String
    var minimum: Int
    var testDescription: String { "\(builtin).\(parameter) ≥ \(minimum)" }

    static let all: [RaisedMinimum] = BuiltinTable.all.flatMap { builtin in
        builtin.parameters.filter(\.raisesMinimum).compactMap { parameter in
            parameter.minimum.map { RaisedMinimum(builtin: builtin.name, parameter: parameter.name, minimum: $0) }
        }
    }

    /// A call of the builtin with `value` for this parameter, written `name = value` at the end (every
    /// parameter may be named), and the defaults or a valid value for the others.
    func call(_ value: String) throws -> String {
        let entry = try #require(BuiltinTable.lookup(builtin))
        let series = ["close", "open", "high"]
        var arguments: [String] = []
        for (index, parameter) in entry.parameters.enumerated() where parameter.defaultValue == nil {
            guard parameter.name != self.parameter else { continue }
            switch parameter.role {
            case .series, .value: arguments.append(series[index % series.count])
            case .condition: arguments.append("close > open")
            case .length, .count: arguments.append(String(Swift.max(parameter.minimum ?? 0, 14)))
            case .setting: arguments.append("1")
            }
        }
        arguments.append("\(parameter) = \(value)")
        return "\(builtin)(\(arguments.joined(separator: ", ")))"
    }
}

/// Lengths below a builtin's minimum are located E0403 errors, not columns of `na`.
@Suite("Checker: minimum lengths from the builtin table")
struct CheckerLengthMinimumTests {
    static func lint(_ expression: String, params: String = "") -> (text: String, result: LintResult) {
        let text = """
            kind: strategy
            name: t
            \(params)let:
              v: \(expression)
            entry:
              long: v > 0
            exit:
              long: v < 0

            """
        return (text, Fixtures.lint(text))
    }

    @Test("the table raises the minimum where a shorter length has no value (and for kama, TA-Lib's range)")
    func tableHasTheMinima() {
        let minima = Dictionary(
            uniqueKeysWithValues: RaisedMinimum.all.map { ("\($0.builtin).\($0.parameter)", $0.minimum) })
        #expect(minima["hurst.length"] == 17)
        #expect(minima["adf_stat.length"] == 4)
        #expect(minima["adf_pvalue.length"] == 4)
        #expect(minima["coint_pvalue.length"] == 21)
        #expect(minima["half_life.length"] == 3)
        #expect(minima["kama.length"] == 2)
        for name in ["zscore", "corr", "cov", "var_param", "var_mc", "sharpe"] {
            #expect(minima["\(name).length"] == 2, "\(name): a sample statistic needs two values")
        }
    }

    @Test(
        "one below the minimum: E0403 at the argument, naming the minimum and the signature",
        arguments: RaisedMinimum.all)
    func belowTheMinimum(_ testCase: RaisedMinimum) throws {
        let below = String(testCase.minimum - 1)
        let (text, result) = Self.lint(try testCase.call(below))
        let diagnostic = try #require(result.diagnostics.first, "no diagnostic")
        #expect(result.diagnostics.count == 1, "\(Fixtures.describe(result.diagnostics))")
        #expect(diagnostic.id == .invalidLength)
        // The value of the named argument `parameter = below`.
        let named = try #require(Fixtures.location(of: "\(testCase.parameter) = \(below)", in: text))
        let argument = SextantLanguage.SourceLocation(
            line: named.line, column: named.column + testCase.parameter.count + 3)
        #expect(diagnostic.location == argument)
        #expect(diagnostic.message.contains("≥ \(testCase.minimum), but it is \(below)"), "\(diagnostic.message)")
        let signature = try #require(BuiltinTable.lookup(testCase.builtin)).signature
        #expect(diagnostic.notes.map(\.message) == ["signature: \(signature)"])
        #expect(signature.contains("\(testCase.parameter): length ≥ \(testCase.minimum)"))
        #expect(result.checked == nil)
    }

    @Test("at the minimum the call checks clean", arguments: RaisedMinimum.all)
    func atTheMinimum(_ testCase: RaisedMinimum) throws {
        let (_, result) = Self.lint(try testCase.call(String(testCase.minimum)))
        #expect(result.diagnostics.isEmpty, "\(Fixtures.describe(result.diagnostics))")
        #expect(result.checked != nil)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var expression: String
        var params = ""
        /// The text the one E0403 points at, or nil when the expression is clean.
        var marker: String?
        var testDescription: String { expression + (marker == nil ? " is clean" : " → E0403 at `\(marker ?? "")`") }
    }

    static let cases: [Case] = [
        Case(expression: "hurst(close, 16)", marker: "16"),
        Case(expression: "hurst(close, 17)"),
        Case(expression: "hurst(close, n)", params: "params:\n  n: 12\n", marker: "n)"),
        Case(expression: "hurst(close, n)", params: "params:\n  n: {value: 40, range: [20, 60, 10]}\n"),
        Case(expression: "adf_pvalue(close, length = 3)", marker: "3)"),
        Case(expression: "adf_stat(close, 4)"),
        Case(expression: "coint_pvalue(close, open, 20)", marker: "20"),
        Case(expression: "coint_pvalue(close, open, 21)"),
        Case(expression: "half_life(close, 2)", marker: "2)"),
        Case(expression: "zscore(close, 1)", marker: "1)"),
        Case(expression: "kama(close, 1)", marker: "1)"),
        Case(expression: "kama(close)"),
        // Lengths without a raised minimum keep the role's bound: 1 is fine, 0 is not.
        Case(expression: "sma(close, 1)"),
        Case(expression: "linreg_slope(close, 1)"),
        Case(expression: "sma(close, 0)", marker: "0)"),
    ]

    @Test("hand-written cases: literals, params and named arguments", arguments: cases)
    func handWritten(_ testCase: Case) throws {
        let (text, result) = Self.lint(testCase.expression, params: testCase.params)
        guard let marker = testCase.marker else {
            #expect(result.diagnostics.isEmpty, "\(Fixtures.describe(result.diagnostics))")
            return
        }
        let location = try #require(Fixtures.location(of: marker, in: text))
        #expect(
            result.diagnostics.map { "\($0.id)@\($0.location)" } == ["\(DiagnosticID.invalidLength)@\(location)"],
            "\(Fixtures.describe(result.diagnostics))")
    }
}
