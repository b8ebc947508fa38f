import Foundation
import SextantBacktest
import SextantLanguage

/// Formats the results of `sextant test` as text or JSON (schema in docs/json-formats.md).
enum TestReport {
    /// One file: how it linted, and its tests' results (nil when it is not a strategy or did not lint).
    struct FileOutcome {
        var lint: LintResult
        var results: [InlineTestResult]?

        /// True when the file did not lint or a test failed.
        var failed: Bool { lint.errorCount > 0 || (results ?? []).contains { !$0.passed } }
    }

    // MARK: - Text

    static func text(_ outcomes: [FileOutcome], colors: Bool) -> String {
        let renderer = TextDiagnosticRenderer(colors: colors)
        let pass = colors ? "\u{1B}[1;32mPASS\u{1B}[0m" : "PASS"
        let fail = colors ? "\u{1B}[1;31mFAIL\u{1B}[0m" : "FAIL"
        var out = ""
        for outcome in outcomes {
            if outcome.lint.errorCount > 0 {
                out += "\(fail) \(outcome.lint.path): the file does not lint\n"
                for diagnostic in outcome.lint.diagnostics where diagnostic.severity == .error {
                    out += renderer.render(diagnostic) + "\n"
                }
                if outcome.lint.droppedErrors > 0 {
                    out += "\(outcome.lint.path): … and \(outcome.lint.droppedErrors) more error(s) not shown\n\n"
                }
                continue
            }
            for result in outcome.results ?? [] {
                out += "\(result.passed ? pass : fail) \(location(result.span)): \(result.name)\n"
                if !result.passed { out += failure(result, renderer: renderer) }
            }
        }
        return out + summary(outcomes) + "\n"
    }

    /// The details of a failed test, indented under its FAIL line.
    static func failure(_ result: InlineTestResult, renderer: TextDiagnosticRenderer) -> String {
        var out = ""
        for problem in result.problems {
            let lines = renderer.render(problem).split(separator: "\n", omittingEmptySubsequences: false)
            out += lines.map { $0.isEmpty ? "\n" : "    \($0)\n" }.joined()
        }
        for expectation in result.expectations where !expectation.passed {
            out += "  \(expectation.path) (\(location(expectation.span)))\n"
            out += "    expected bars: \(list(expectation.expected))\n"
            out += "    got bars:      \(list(expectation.got))\n"
            guard let bar = expectation.firstDifference else { continue }
            let happened = expectation.got.contains(bar)
            if expectation.path.graphOutput != nil {
                out += "    at bar \(bar): expected \(!happened), got \(happened)\n"
            } else {
                out += "    at bar \(bar): " + (happened ? "happened, not expected\n" : "expected, did not happen\n")
            }
            for input in expectation.inputs { out += "      \(input.name) = \(input.text)\n" }
            for event in expectation.events { out += "      \(event)\n" }
        }
        if !result.params.isEmpty {
            out += "  params: "
            out += result.params.map { "\($0.name) = \(InlineTestInput.format($0.value))" }.joined(separator: ", ")
            out += "\n"
        }
        return out
    }

    static func summary(_ outcomes: [FileOutcome]) -> String {
        let results = outcomes.flatMap { $0.results ?? [] }
        let failed = results.count { !$0.passed }
        let unlinted = outcomes.count { $0.lint.errorCount > 0 }
        let untested = outcomes.count { $0.results?.isEmpty == true }
        var out = "\(outcomes.count) file\(outcomes.count == 1 ? "" : "s"), \(results.count) test"
        out += "\(results.count == 1 ? "" : "s"): \(results.count - failed) passed, \(failed) failed"
        if unlinted > 0 { out += "; \(unlinted) file\(unlinted == 1 ? "" : "s") did not lint" }
        if untested > 0 { out += "; \(untested) strateg\(untested == 1 ? "y has" : "ies have") no tests" }
        return out
    }

    static func location(_ span: SourceSpan) -> String { "\(span.file.path):\(span.start)" }

    static func list(_ bars: [Int]) -> String { "[" + bars.map(String.init).joined(separator: ", ") + "]" }

    // MARK: - JSON

    struct JSONReport: Encodable {
        var version = 1
        var files: Int
        var tests: Int
        var passed: Int
        var failed: Int
        var lintFailures: Int
        var results: [JSONTest]
        var diagnostics: [DiagnosticRecord]

        enum CodingKeys: String, CodingKey {
            case version, files, tests, passed, failed, results, diagnostics
            case lintFailures = "lint_failures"
        }
    }

    struct JSONTest: Encodable {
        var file: String
        var name: String
        var line: Int
        var column: Int
        var passed: Bool
        var bars: Int
        var params: [String: Double]
        var expectations: [JSONExpectation]
        var problems: [DiagnosticRecord]
    }

    struct JSONExpectation: Encodable {
        var path: String
        var line: Int
        var column: Int
        var passed: Bool
        var expected: [Int]
        var got: [Int]
        var missing: [Int]
        var unexpected: [Int]
        var firstDifference: JSONDifference?

        enum CodingKeys: String, CodingKey {
            case path, line, column, passed, expected, got, missing, unexpected
            case firstDifference = "first_difference"
        }

        // Written out so that a passing expectation has `"first_difference": null` rather than no key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(passed, forKey: .passed)
            try container.encode(expected, forKey: .expected)
            try container.encode(got, forKey: .got)
            try container.encode(missing, forKey: .missing)
            try container.encode(unexpected, forKey: .unexpected)
            try container.encode(firstDifference, forKey: .firstDifference)
        }
    }

    struct JSONDifference: Encodable {
        var bar: Int
        var expected: Bool
        var got: Bool
        var inputs: [JSONInput]
        var events: [String]
    }

    struct JSONInput: Encodable {
        var name: String
        var value: Double?
        var text: String
    }

    static func json(_ outcomes: [FileOutcome]) throws -> String {
        let results = outcomes.flatMap { $0.results ?? [] }
        let tests = results.map { result in
            JSONTest(
                file: result.span.file.path, name: result.name, line: result.span.start.line,
                column: result.span.start.column, passed: result.passed, bars: result.bars,
                params: Dictionary(result.params.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                expectations: result.expectations.map(expectation), problems: result.problems.map(DiagnosticRecord.init)
            )
        }
        let report = JSONReport(
            files: outcomes.count, tests: results.count, passed: results.count(where: \.passed),
            failed: results.count { !$0.passed }, lintFailures: outcomes.count { $0.lint.errorCount > 0 },
            results: tests,
            diagnostics: outcomes.flatMap { $0.lint.diagnostics.filter { $0.severity == .error } }.map(
                DiagnosticRecord.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func expectation(_ expectation: InlineExpectationResult) -> JSONExpectation {
        let difference = expectation.firstDifference.map { bar in
            JSONDifference(
                bar: bar, expected: expectation.expected.contains(bar), got: expectation.got.contains(bar),
                inputs: expectation.inputs.map {
                    JSONInput(name: $0.name, value: $0.value.isNaN ? nil : $0.value, text: $0.text)
                },
                events: expectation.events)
        }
        return JSONExpectation(
            path: expectation.path.description, line: expectation.span.start.line,
            column: expectation.span.start.column, passed: expectation.passed, expected: expectation.expected,
            got: expectation.got, missing: expectation.missing, unexpected: expectation.unexpected,
            firstDifference: difference)
    }
}
