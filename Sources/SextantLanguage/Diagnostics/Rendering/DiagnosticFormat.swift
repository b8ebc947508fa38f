/// The output formats of diagnostics (`sextant lint --format`).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// For people: `file:line:col: error[E0101]: message`, the source line and an underline.
    case text
    /// For tools: one JSON object, documented in `docs/json-formats.md`.
    case json
    /// GitHub Actions workflow commands (`::error file=…`), which annotate pull requests.
    case github
}
