/// Loads strategy, risk and engine files (DSL.md §1): YAML with exact positions, validated against
/// `DocumentSchema`, into the document model.
///
/// ```swift
/// var diagnostics = DiagnosticBag()
/// if let document = DocumentLoader.load(path: "Strategies/sma_cross.yaml", into: &diagnostics) { … }
/// for diagnostic in diagnostics.sorted { print(diagnostic.location, diagnostic.message) }
/// ```
///
/// The loader never throws or traps, whatever the bytes: every problem becomes a located
/// diagnostic, and one pass reports all it can find. Expressions are not parsed here; each one is
/// an `ExpressionField` whose `ExpressionSource` maps every byte back into the file.
public enum DocumentLoader {
    /// Loads the one document in `file`.
    ///
    /// Returns the document whenever its `kind` is known, with invalid entries left out (they are
    /// reported), so that later phases can check the rest in the same run; check
    /// `diagnostics.hasErrors` before using it. Returns nil when there is nothing to validate: not
    /// YAML, no document, or no usable `kind`.
    public static func load(_ file: SourceFile, into diagnostics: inout DiagnosticBag) -> Document? {
        guard file.utf8.count <= YAMLLimits.maxFileBytes else {
            diagnostics.report(
                Diagnostic(
                    .fileTooLarge,
                    "the file is larger than the \(YAMLLimits.maxFileBytes / 1_048_576) MiB the loader reads",
                    at: SourceSpan(file: file, range: 0..<0)))
            return nil
        }
        guard let root = YAMLLoader.load(file, into: &diagnostics) else { return nil }
        guard case .mapping(let entries) = root.content else {
            diagnostics.report(
                Diagnostic(
                    .wrongNodeKind, "a Sextant file is a mapping of keys starting with `kind:`, not \(root.summary)",
                    at: root.scalar?.span ?? root.startSpan,
                    suggestion: "start the file with `kind: strategy` (or `risk`, `engine`)"))
            return nil
        }
        guard let kindEntry = entries.first(where: { $0.key.value == "kind" }) else {
            diagnostics.report(
                Diagnostic(
                    .missingKey, "the file has no `kind:`: it must say whether it is a strategy, risk or engine file",
                    at: entries.first?.key.span ?? root.startSpan,
                    suggestion: "add `kind: strategy` (or `risk`, `engine`) as the first line"))
            return nil
        }
        let kindNode = kindEntry.value
        guard let kindScalar = kindNode.scalar, !kindScalar.isNull, let kind = DocumentKind(rawValue: kindScalar.value)
        else {
            reportUnknownKind(kindNode, keySpan: kindEntry.key.span, into: &diagnostics)
            return nil
        }
        var validator = SchemaValidator(kind: kind)
        let validated = validator.validateDocument(root, kindSpan: kindEntry.key.span.union(kindScalar.span))
        diagnostics.report(contentsOf: validator.diagnostics)
        guard let validated else { return nil }
        switch kind {
        case .strategy: return .strategy(strategy(from: validated, file: file, into: &diagnostics))
        case .risk: return .risk(risk(from: validated, file: file))
        case .engine: return .engine(engine(from: validated, file: file, into: &diagnostics))
        }
    }

    /// Reads and loads the file at `path`: the file must be a regular file of at most 8 MiB; invalid
    /// UTF-8 is reported at each bad sequence and decoded as U+FFFD so the rest is still checked.
    public static func load(path: String, into diagnostics: inout DiagnosticBag) -> Document? {
        guard let file = DocumentFileReader.read(path: path, into: &diagnostics) else { return nil }
        return load(file, into: &diagnostics)
    }

    /// Loads raw bytes as the file at `path` (editors, the fuzzer): the same checks as
    /// `load(path:into:)` without touching the disk.
    public static func load(bytes: [UInt8], path: String, into diagnostics: inout DiagnosticBag) -> Document? {
        guard let file = DocumentFileReader.decode(bytes: bytes, path: path, into: &diagnostics) else { return nil }
        return load(file, into: &diagnostics)
    }

    private static func reportUnknownKind(_ node: YAMLNode, keySpan: SourceSpan, into diagnostics: inout DiagnosticBag)
    {
        let kinds = DocumentKind.allCases.map(\.rawValue)
        guard let scalar = node.scalar, !scalar.isNull else {
            let span = node.isNull ? keySpan : node.startSpan
            diagnostics.report(
                Diagnostic(.wrongNodeKind, "`kind` must be strategy, risk or engine, not \(node.summary)", at: span))
            return
        }
        let closest = Suggestion.closest(to: scalar.value, in: kinds)
        diagnostics.report(
            Diagnostic(
                .unknownDocumentKind,
                "`\(scalar.value)` is not a kind of Sextant file: `kind` is strategy, risk or engine",
                at: scalar.span, suggestion: closest.map { "did you mean `\($0)`?" },
                fixIt: closest.map { Diagnostic.FixIt(replacing: scalar.span, with: $0) }))
    }

    /// The name used when a required `name:` is missing (already reported): the file's base name.
    static func fallbackName(for file: SourceFile, at span: SourceSpan) -> Located<String> {
        let base = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let stem = base.split(separator: ".").first.map(String.init) ?? base
        return Located(stem, span: SourceSpan(file: file, range: span.range.lowerBound..<span.range.lowerBound))
    }
}
