import SextantStoreConformance
import Testing

@testable import SextantStore

/// What only the SQLite store adds to the protocol-level intent rules (StoreConformance): its CHECK
/// constraints, reached with raw SQL.
@Suite struct IntentTests {
    @Test func theSchemaRefusesWhatTheChecksWouldMissToo() async throws {
        let fixture = try await StoreFixture()
        // Straight SQL, past the Swift checks: the CHECK constraints are the second line.
        await #expect(throws: StoreError.self) {
            try await fixture.store.execute(
                rawSQL: """
                    INSERT INTO orders VALUES ('X', '\(Samples.versionHash)', 'GOOG', 'buy', 1, 'limit', NULL, NULL,
                    0, 'r', 'l', 'new', NULL, 0, 0)
                    """)
        }
        #expect(try await fixture.count("orders") == 0)
    }
}
