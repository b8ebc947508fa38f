import Foundation

/// Loads, parses and checks files: the whole front end behind `sextant lint`.
public enum Linter {
    /// Lints the file at `path`.
    public static func lint(path: String, limit: Int = DiagnosticBag.defaultLimit) -> LintResult {
        var diagnostics = DiagnosticBag(limit: limit)
        let document = DocumentLoader.load(path: path, into: &diagnostics)
        return finish(path: path, document: document, diagnostics: &diagnostics)
    }

    /// Lints an in-memory file (tests, the engine's hot reload, editors).
    public static func lint(_ file: SourceFile, limit: Int = DiagnosticBag.defaultLimit) -> LintResult {
        var diagnostics = DiagnosticBag(limit: limit)
        let document = DocumentLoader.load(file, into: &diagnostics)
        return finish(path: file.path, document: document, diagnostics: &diagnostics)
    }

    private static func finish(path: String, document: Document?, diagnostics: inout DiagnosticBag) -> LintResult {
        var checked: CheckedDocument?
        switch document {
        case .strategy(let strategy):
            if let result = Checker.check(strategy, into: &diagnostics) {
                InlineTestCheck.check(result, into: &diagnostics)
                checked = .strategy(result)
            }
        case .risk(let risk):
            checked = Checker.check(risk, into: &diagnostics).map(CheckedDocument.risk)
        case .engine(let engine):
            checkReferences(of: engine, into: &diagnostics)
            if !diagnostics.hasErrors { checked = .engine(engine) }
        case nil:
            break
        }
        if diagnostics.hasErrors { checked = nil }
        return LintResult(
            path: path, diagnostics: diagnostics.sorted, dropped: diagnostics.dropped,
            droppedErrors: diagnostics.droppedErrors, checked: checked)
    }

    /// An engine file's strategy globs must match files, and its risk file must exist.
    static func checkReferences(of engine: EngineDocument, into diagnostics: inout DiagnosticBag) {
        let base = URL(fileURLWithPath: engine.file.path).deletingLastPathComponent()
        for pattern in engine.strategies where FileDiscovery.expand(pattern.value, relativeTo: base).isEmpty {
            diagnostics.report(
                Diagnostic(
                    .invalidValue, "no strategy file matches `\(pattern.value)`", at: pattern.span,
                    suggestion: "paths are relative to the engine file's folder"))
        }
        if let risk = engine.risk,
            !FileManager.default.fileExists(atPath: FileDiscovery.resolve(risk.value, relativeTo: base))
        {
            diagnostics.report(
                Diagnostic(
                    .invalidValue, "risk file `\(risk.value)` does not exist", at: risk.span,
                    suggestion: "paths are relative to the engine file's folder"))
        }
    }
}

extension Linter {
    /// Lints raw bytes as a file at `path` (the fuzzer's entry; the CLI reads through `lint(path:)`).
    public static func lint(bytes: [UInt8], path: String, limit: Int = DiagnosticBag.defaultLimit) -> LintResult {
        var diagnostics = DiagnosticBag(limit: limit)
        let document = DocumentLoader.load(bytes: bytes, path: path, into: &diagnostics)
        return finish(path: path, document: document, diagnostics: &diagnostics)
    }
}
