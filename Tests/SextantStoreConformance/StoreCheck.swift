/// One rule of the `TradingStore` protocol, checked against any implementation through its harness.
///
/// Test targets run the whole table (`StoreConformance.checks`) as one parameterized test per store,
/// so SQLite and Postgres are held to the same checks, written once.
public struct StoreCheck: Sendable, CustomStringConvertible {
    /// What the check shows, as a sentence.
    public let name: String
    /// The check: throws `ConformanceFailure` (or the store's error) when the rule does not hold.
    public let run: @Sendable (any StoreHarness) async throws -> Void

    /// Creates a check.
    public init(_ name: String, _ run: @escaping @Sendable (any StoreHarness) async throws -> Void) {
        self.name = name
        self.run = run
    }

    public var description: String { name }
}
