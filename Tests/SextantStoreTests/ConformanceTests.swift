import SextantStoreConformance
import Testing

@testable import SextantStore

/// The protocol's rules, written once in `StoreConformance` and run here against `SQLiteStore` (and in
/// SextantPostgresTests against `PostgresStore`).
@Suite struct ConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func sqliteStoreConforms(_ check: StoreCheck) async throws {
        let fixture = try await StoreFixture()
        try await check.run(SQLiteHarness(fixture: fixture))
    }
}

/// `StoreFixture` seen through the conformance checks' harness.
struct SQLiteHarness: StoreHarness {
    let fixture: StoreFixture

    var store: any TradingStore { fixture.store }

    func reopen() async throws -> any TradingStore { try fixture.reopen() }

    func count(_ table: String) async throws -> Int64 {
        // A separate connection: the harness store may have been closed by the check.
        try await fixture.reopen().integer(rawSQL: "SELECT count(*) FROM \(table)") ?? -1
    }
}
