extension DiagnosticID {
    /// Every diagnostic ID Sextant can report, in ID order. `docs/diagnostics.md` documents each one
    /// (a test checks that it does).
    public static var all: [DiagnosticID] {
        (documentIDs + syntaxIDs + checkerIDs + warningIDs).sorted()
    }
}
