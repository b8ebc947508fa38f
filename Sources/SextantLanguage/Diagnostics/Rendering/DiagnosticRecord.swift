/// The JSON form of a diagnostic, shared by `sextant lint --format json` and the engine's
/// `reload` events. Field names are stable; see `docs/json-formats.md`.
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    /// A secondary location.
    public struct Note: Codable, Sendable, Equatable {
        public var message: String
        public var file: String?
        public var line: Int?
        public var column: Int?
    }

    /// A machine-applicable replacement.
    public struct Fix: Codable, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int
        public var replacement: String

        enum CodingKeys: String, CodingKey {
            case line, column, replacement
            case endLine = "end_line"
            case endColumn = "end_column"
        }
    }

    public var id: String
    public var severity: String
    public var message: String
    public var file: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// UTF-8 byte offset of the span in the file.
    public var offset: Int
    /// UTF-8 byte length of the span.
    public var length: Int
    public var suggestion: String?
    public var notes: [Note]
    public var fix: Fix?

    enum CodingKeys: String, CodingKey {
        case id, severity, message, file, line, column, offset, length, suggestion, notes, fix
        case endLine = "end_line"
        case endColumn = "end_column"
    }

    /// The record of a diagnostic.
    public init(_ diagnostic: Diagnostic) {
        let start = diagnostic.span.start
        let end = diagnostic.span.end
        id = diagnostic.id.rawValue
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        file = diagnostic.file.path
        line = start.line
        column = start.column
        endLine = end.line
        endColumn = end.column
        offset = diagnostic.span.range.lowerBound
        length = diagnostic.span.range.count
        suggestion = diagnostic.suggestion
        notes = diagnostic.notes.map { note in
            let location = note.span?.start
            return Note(
                message: note.message, file: note.span?.file.path, line: location?.line, column: location?.column)
        }
        fix = diagnostic.fixIt.map { fix in
            let (from, to) = (fix.span.start, fix.span.end)
            return Fix(
                line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
                replacement: fix.replacement)
        }
    }
}
