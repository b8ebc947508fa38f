/// One problem found in a source file: data first, rendering apart (see `DiagnosticRenderer`).
public struct Diagnostic: Sendable, Hashable {
    /// A secondary location with its own message ("first defined here", "cycle continues here").
    public struct Note: Sendable, Hashable {
        /// What the note says.
        public var message: String
        /// Where it points, if anywhere.
        public var span: SourceSpan?

        /// Creates a note.
        public init(_ message: String, at span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    /// A replacement that would fix the problem.
    public struct FixIt: Sendable, Hashable {
        /// The bytes to replace.
        public var span: SourceSpan
        /// The new text.
        public var replacement: String

        /// Creates a fix-it.
        public init(replacing span: SourceSpan, with replacement: String) {
            self.span = span
            self.replacement = replacement
        }
    }

    /// The stable kind of problem.
    public var id: DiagnosticID
    /// The severity; defaults to the ID's.
    public var severity: Severity
    /// A one-line message in the analyst's terms.
    public var message: String
    /// The exact bytes the problem is about.
    public var span: SourceSpan
    /// Secondary locations and remarks.
    public var notes: [Note]
    /// A human suggestion ("did you mean `sma`?"), if one exists.
    public var suggestion: String?
    /// A machine-applicable fix, if one exists.
    public var fixIt: FixIt?

    /// Creates a diagnostic.
    public init(
        _ id: DiagnosticID, _ message: String, at span: SourceSpan, notes: [Note] = [],
        suggestion: String? = nil, fixIt: FixIt? = nil, severity: Severity? = nil
    ) {
        self.id = id
        self.severity = severity ?? id.severity
        self.message = message
        self.span = span
        self.notes = notes
        self.suggestion = suggestion
        self.fixIt = fixIt
    }

    /// The file the diagnostic is in.
    public var file: SourceFile { span.file }
    /// Where it starts.
    public var location: SourceLocation { span.start }
}
