/// The stable identifier of a kind of diagnostic, such as `E0201`.
///
/// IDs never change meaning once released: editors, CI filters and documentation refer to them.
/// Ranges: `E01xx` YAML and documents, `E02xx` expression syntax, `E03xx` names and types,
/// `E04xx` stages and look-ahead, `E05xx` document semantics, `W0xxx` warnings. Each phase declares
/// its IDs in its own `DiagnosticID+Phase.swift` file and lists them in `all`.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    /// A one-line description of the problem class, for `docs/diagnostics.md` and `--explain`.
    public let title: String
    /// The severity the ID is reported with.
    public let severity: Severity

    /// Creates an ID; only the phase catalogues should call this.
    public init(_ rawValue: String, _ severity: Severity, _ title: String) {
        self.rawValue = rawValue
        self.severity = severity
        self.title = title
    }

    /// Looks an ID up in the catalogue.
    public init?(rawValue: String) {
        guard let known = DiagnosticID.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    public static func == (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
