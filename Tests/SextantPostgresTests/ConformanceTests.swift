import SextantStoreConformance
import Testing

/// The protocol's rules (`StoreConformance`, the same table SQLite passes) against a real server, each
/// check on a database of its own.
@Suite struct ConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func postgresStoreConforms(_ check: StoreCheck) async throws {
        try await PostgresHarness.with { harness in try await check.run(harness) }
    }
}
