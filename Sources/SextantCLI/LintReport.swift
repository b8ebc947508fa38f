import Foundation
import SextantLanguage

/// Formats the results of `sextant lint` in each output format.
enum LintReport {
    static func text(_ results: [LintResult], colors: Bool, explain: Bool) -> String {
        let renderer = TextDiagnosticRenderer(colors: colors)
        var out = ""
        for result in results {
            for diagnostic in result.diagnostics { out += renderer.render(diagnostic) + "\n" }
            if result.dropped > 0 {
                out += "\(result.path): … and \(result.dropped) more diagnostic(s) not shown (--max-diagnostics)\n\n"
            }
            if explain, let checked = result.checked { out += Explanation(checked).text + "\n" }
        }
        let errors = results.reduce(0) { $0 + $1.errorCount }
        let warnings = results.reduce(0) { $0 + $1.warningCount }
        let failed = results.count { $0.errorCount > 0 }
        out += "\(results.count) file\(results.count == 1 ? "" : "s") checked: "
        out += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if failed > 0 { out += " in \(failed) file\(failed == 1 ? "" : "s")" }
        return out + "\n"
    }

    /// The JSON report (schema in docs/json-formats.md).
    struct JSONReport: Encodable {
        var version = 1
        var files: Int
        var errors: Int
        var warnings: Int
        var diagnostics: [DiagnosticRecord]
        var explanations: [Explanation]?
    }

    static func json(_ results: [LintResult], explain: Bool) throws -> String {
        let report = JSONReport(
            files: results.count,
            errors: results.reduce(0) { $0 + $1.errorCount },
            warnings: results.reduce(0) { $0 + $1.warningCount },
            diagnostics: results.flatMap { $0.diagnostics.map(DiagnosticRecord.init) },
            explanations: explain ? results.compactMap { $0.checked.map(Explanation.init) } : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func github(_ results: [LintResult]) -> String {
        results.flatMap(\.diagnostics).map { GitHubDiagnosticRenderer.render($0) + "\n" }.joined()
    }
}
