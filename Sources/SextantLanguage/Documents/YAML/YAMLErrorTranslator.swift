import Yams

/// Turns Yams' errors into located diagnostics that speak the analyst's language.
///
/// libyaml's messages describe its parser ("mapping values are not allowed in this context"); the
/// common ones get a message about what the analyst wrote and how to fix it, the rest keep
/// libyaml's words. Every diagnostic points at the error's mark, with a note at its context mark
/// ("the quoted value starts here") when libyaml gives one.
enum YAMLErrorTranslator {
    /// The diagnostic for `error`, raised while parsing `text`.
    static func diagnostic(for error: YamlError, in text: YAMLText) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return translate(problem: problem, context: context, mark: mark, in: text)
        case .reader(let problem, let offset, _, let yaml):
            // Reader offsets count Characters of the parsed string.
            let index = offset.flatMap { yaml.index(yaml.startIndex, offsetBy: $0, limitedBy: yaml.endIndex) }
            let byteOffset = index.map { yaml.utf8.distance(from: yaml.utf8.startIndex, to: $0) } ?? 0
            return Diagnostic(
                .notUTF8, "YAML cannot read this text: \(problem)", at: text.characterSpan(at: byteOffset))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let offset = text.offset(line: context.mark.line, column: context.mark.column)
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(
                .duplicateKey, "\(names) written more than once in this mapping", at: text.characterSpan(at: offset))
        default:
            return Diagnostic(.yamlSyntax, "YAML error: \(error)", at: text.span(0..<0))
        }
    }

    /// The offset of the error's mark, when it has one.
    static func offset(of error: YamlError, in text: YAMLText) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return text.offset(line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return text.offset(line: context.mark.line, column: context.mark.column)
        default:
            return nil
        }
    }

    private static func translate(problem: String, context: YamlError.Context?, mark: Yams.Mark, in text: YAMLText)
        -> Diagnostic
    {
        let offset = text.offset(line: mark.line, column: mark.column)
        let span = text.characterSpan(at: offset)
        var notes: [Diagnostic.Note] = []
        if let context {
            let contextOffset = text.offset(line: context.mark.line, column: context.mark.column)
            if contextOffset != offset {
                notes.append(Diagnostic.Note(contextNote(context.text), at: text.characterSpan(at: contextOffset)))
            }
        }
        let character = span.text
        switch problem {
        case "mapping values are not allowed in this context" where startsLine(offset, in: text):
            // The colon is the first on its line: the line is a key indented deeper than its
            // siblings, which YAML reads as the continuation of the value above.
            var keyStart = YAMLBytes.lineStart(text.bytes, of: offset)
            while keyStart < offset, YAMLBytes.isBlank(text.bytes[keyStart]) { keyStart += 1 }
            return Diagnostic(
                .yamlSyntax,
                "this line is indented more than the keys above it, so YAML reads it as part of the value above",
                at: text.span(keyStart..<offset), notes: notes, suggestion: "align the key with the keys above it")
        case "mapping values are not allowed in this context":
            return Diagnostic(
                .yamlSyntax, "`: ` inside a value: YAML reads it as the start of another key", at: span, notes: notes,
                suggestion:
                    "expressions never need `: ` (named arguments use `=`, conditions use `if … then … else`): remove the colon, or quote the whole value"
            )
        case "found character that cannot start any token" where character == "\t":
            return Diagnostic(
                .yamlTab, "a tab in indentation: YAML indents with spaces only", at: span,
                suggestion: "replace the tab with spaces")
        case let problem where problem.hasPrefix("found a tab character"):
            return Diagnostic(
                .yamlTab, "a tab in indentation: YAML indents with spaces only", at: span,
                suggestion: "replace the tab with spaces")
        case "found character that cannot start any token":
            return Diagnostic(
                .yamlSyntax, "`\(character)` cannot start a YAML value", at: span, notes: notes,
                suggestion: "quote the value (`'…'`) or remove the `\(character)`")
        case "found unexpected end of stream" where context?.text == "while scanning a quoted scalar":
            let quote =
                context.map { text.characterSpan(at: text.offset(line: $0.mark.line, column: $0.mark.column)) } ?? span
            return Diagnostic(
                .yamlSyntax, "this quoted value is never closed", at: quote,
                notes: [Diagnostic.Note("the file ends here, still inside the quotes", at: span)],
                suggestion: "add the closing quote")
        case "found unknown escape character":
            let escape = text.span(offset..<min(text.bytes.count, offset + 2))
            return Diagnostic(
                .yamlSyntax, "`\(escape.text)` is not an escape YAML knows", at: escape, notes: notes,
                suggestion:
                    "inside double quotes a backslash starts an escape (`\\n`, `\\\"`, `\\\\`); expressions need none: remove the quotes"
            )
        case "did not find expected key":
            return Diagnostic(
                .yamlSyntax, "this line is not a `key: value` of the mapping around it", at: span, notes: notes,
                suggestion: "check the line's indentation: keys of one mapping start in the same column")
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            let closing = problem.hasSuffix("']'") ? "]" : "}"
            return Diagnostic(
                .yamlSyntax,
                "a `\(closing == "]" ? "[" : "{")` is never closed, or two of its items lack a `,` between them",
                at: span, notes: notes, suggestion: "add the missing `,` or `\(closing)`")
        case "could not find expected ':'":
            return Diagnostic(
                .yamlSyntax, "a key without `:` (or a value continued on a line YAML reads as a key)", at: span,
                notes: notes,
                suggestion: "write `key: value`, or quote a value that spans several lines")
        case "found undefined alias":
            let name = aliasName(at: offset, in: text)
            return Diagnostic(
                .yamlSyntax, "`*\(name)` names no anchor defined before it",
                at: text.span(offset..<(offset + 1 + name.utf8.count)),
                suggestion: "define `&\(name)` on an earlier value, or remove the `*`")
        case "block sequence entries are not allowed in this context":
            return Diagnostic(
                .yamlSyntax, "a `- ` list item where a value is expected", at: span, notes: notes,
                suggestion: "start the list on the next line, indented under its key")
        default:
            let contextText = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(.yamlSyntax, "YAML: \(problem)\(contextText)", at: span, notes: notes)
        }
    }

    /// True when `offset` is on a line with no `: ` before it (only indentation, `- ` and a key).
    private static func startsLine(_ offset: Int, in text: YAMLText) -> Bool {
        let lineStart = YAMLBytes.lineStart(text.bytes, of: offset)
        var index = lineStart
        while index < offset {
            if text.bytes[index] == UInt8(ascii: ":"), YAMLBytes.isBlankOrBreak(text.bytes, at: index + 1) {
                return false
            }
            if text.bytes[index] == UInt8(ascii: "#") { return false }
            index += 1
        }
        return true
    }

    private static func contextNote(_ context: String) -> String {
        switch context {
        case "while scanning a quoted scalar": "the quoted value starts here"
        case "while parsing a block mapping", "while parsing a flow mapping": "the mapping starts here"
        case "while parsing a flow sequence", "while parsing a block collection": "the list starts here"
        case "while scanning a simple key": "the key starts here"
        case "while scanning a block scalar": "the block value starts here"
        default: context.hasPrefix("while ") ? String(context.dropFirst(6)) + " that starts here" : context
        }
    }

    private static func aliasName(at offset: Int, in text: YAMLText) -> String {
        var end = offset + 1
        while end < text.bytes.count, YAMLBytes.isAnchorCharacter(text.bytes[end]) { end += 1 }
        guard offset + 1 <= end, end <= text.bytes.count else { return "" }
        return String(decoding: text.bytes[min(offset + 1, end)..<end], as: UTF8.self)
    }
}
