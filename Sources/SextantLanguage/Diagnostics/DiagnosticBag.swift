/// Collects diagnostics during one pass over a file, then hands them out sorted and capped.
///
/// Like cel-go's `Errors` and PromQL's parser, every phase reports into a bag instead of throwing,
/// so one run shows every problem in a file. Reports beyond `limit` are counted, not kept.
public struct DiagnosticBag: Sendable {
    /// The most diagnostics kept per file.
    public static let defaultLimit = 100

    private(set) var items: [Diagnostic] = []
    /// How many reports were dropped because the bag was full.
    public private(set) var dropped = 0
    /// How many of the dropped reports were errors (so a full bag still fails the file).
    public private(set) var droppedErrors = 0
    /// The most diagnostics kept.
    public let limit: Int

    /// Creates an empty bag.
    public init(limit: Int = DiagnosticBag.defaultLimit) {
        self.limit = limit
    }

    /// Adds a diagnostic unless the bag is full or the same one is already in it.
    public mutating func report(_ diagnostic: Diagnostic) {
        if items.contains(diagnostic) { return }
        if items.count >= limit {
            dropped += 1
            if diagnostic.severity == .error { droppedErrors += 1 }
            return
        }
        items.append(diagnostic)
    }

    /// Adds several diagnostics.
    public mutating func report(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// True when an error (not just warnings) was reported.
    public var hasErrors: Bool { errorCount > 0 }

    /// How many errors were reported (kept or dropped), to tell whether a phase added any.
    public var errorCount: Int { items.count { $0.severity == .error } + droppedErrors }

    /// True when nothing was reported.
    public var isEmpty: Bool { items.isEmpty }

    /// The diagnostics sorted by file, position, then severity and ID, so output is deterministic.
    public var sorted: [Diagnostic] {
        items.sorted { lhs, rhs in
            if lhs.file.path != rhs.file.path { return lhs.file.path < rhs.file.path }
            if lhs.span.range.lowerBound != rhs.span.range.lowerBound {
                return lhs.span.range.lowerBound < rhs.span.range.lowerBound
            }
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.id != rhs.id { return lhs.id < rhs.id }
            return lhs.message < rhs.message
        }
    }
}
