import Foundation
import PostgresNIO
import SextantPostgres
import SextantStore
import SextantStoreConformance
import Testing

/// Issue 7's rule: if Postgres goes away mid-run, writes fail as transient (`unavailable`), nothing is
/// half-written, and the store reconnects by itself when the server answers again — with nothing
/// duplicated when the engine retries.
@Suite struct ReconnectTests {
    /// Retries `body` while it fails transiently, as the engine does, for up to `seconds`.
    static func retrying<T>(
        for seconds: Double = 20, _ body: () async throws -> T
    ) async throws -> (value: T, transientFailures: Int) {
        let deadline = Date().addingTimeInterval(seconds)
        var failures = 0
        while true {
            do {
                return (try await body(), failures)
            } catch let error as StoreError where error.isTransient && Date() < deadline {
                failures += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Terminates the backends of `location`'s database that wait for a lock, once one does.
    static func terminateLockWaiters(in location: PostgresLocation) async throws -> Int64 {
        for _ in 0..<100 {
            let killed =
                try await TestDatabase(location: location).integer(
                    """
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                    """) ?? 0
            if killed > 0 { return killed }
            try await Task.sleep(for: .milliseconds(50))
        }
        return 0
    }

    @Test func aConnectionKilledMidWriteFailsTransientlyAndTheRetryWritesOnce() async throws {
        try await PostgresHarness.with { harness in
            let store = harness.postgres
            _ = try await store.recordIntent(Samples.order("A"))
            let fill = Samples.fill("F1", order: "A")
            let position = PositionRecord(
                strategy: "sma_cross", symbol: "GOOG", quantity: 1, averagePrice: 101.25, updated: .init(10))
            try await TestDatabase(location: harness.location).withConnection { blocker in
                // Another session holds the fills table, so the store's write waits on the server…
                try await blocker.query("BEGIN", logger: TestDatabase.logger)
                try await blocker.query("LOCK TABLE fills IN ACCESS EXCLUSIVE MODE", logger: TestDatabase.logger)
                let write = Task {
                    try await store.recordFill(
                        fill, orderState: OrderStateUpdate(state: .filled, time: .init(10)), position: position)
                }
                // …where its backend is killed, as a server restart or a failover would.
                #expect(try await Self.terminateLockWaiters(in: harness.location) == 1)
                let outcome = await write.result
                guard case .failure(let error) = outcome else {
                    Issue.record("the write succeeded although its connection was killed")
                    return
                }
                #expect((error as? StoreError)?.isTransient == true, "\(error)")
                try await blocker.query("ROLLBACK", logger: TestDatabase.logger)
            }
            // Nothing of the failed call was written…
            #expect(try await harness.count("fills") == 0)
            #expect(try await harness.count("positions") == 0)
            // (Any call may meet the killed connection once more before the pool drops it: the engine
            // retries reads as it retries writes.)
            #expect(try await Self.retrying { try await store.order(clientOrderID: "A") }.value?.state == .new)
            // …and the engine's retry writes all of it, once.
            let (isNew, _) = try await Self.retrying {
                try await store.recordFill(
                    fill, orderState: OrderStateUpdate(state: .filled, time: .init(10)), position: position)
            }
            #expect(isNew)
            #expect(try await Self.retrying { try await store.recordFill(fill) }.value == false)
            #expect(try await harness.count("fills") == 1)
            #expect(try await Self.retrying { try await store.positions() }.value == [position])
            #expect(try await Self.retrying { try await store.order(clientOrderID: "A") }.value?.state == .filled)
        }
    }

    @Test func everyConnectionKilledTheStoreReconnectsByItself() async throws {
        try await PostgresHarness.with { harness in
            let store = harness.postgres
            for round in 0..<3 {
                _ = try await store.openOrders()  // the pool holds live connections
                try await TestDatabase(location: harness.location).execute(
                    """
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """)
                let (intent, _) = try await Self.retrying {
                    try await store.recordIntent(Samples.order("R\(round)"))
                }
                #expect(intent.wasInserted || intent.order.clientOrderID == "R\(round)")
            }
            #expect(try await harness.count("orders") == 3)
            let unsent = try await Self.retrying { try await store.unsentIntents() }.value
            #expect(unsent.map(\.clientOrderID) == ["R0", "R1", "R2"])
        }
    }

    @Test func aWriteBlockedPastTheTimeoutIsUnavailableAndLeavesNothing() async throws {
        try await PostgresHarness.with(options: PostgresStoreOptions(timeoutSeconds: 2)) { harness in
            let store = harness.postgres
            try await TestDatabase(location: harness.location).withConnection { blocker in
                try await blocker.query("BEGIN", logger: TestDatabase.logger)
                try await blocker.query("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", logger: TestDatabase.logger)
                await #expect {
                    _ = try await store.recordIntent(Samples.order("A"))
                } throws: { error in
                    (error as? StoreError)?.isTransient == true
                }
                try await blocker.query("ROLLBACK", logger: TestDatabase.logger)
            }
            #expect(try await harness.count("orders") == 0)
            let (intent, _) = try await Self.retrying { try await store.recordIntent(Samples.order("A")) }
            #expect(intent.wasInserted)
        }
    }

    @Test func aServerThatIsNotThereIsUnavailableNotAHang() async throws {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var location = try TestServer.location()
        location.port = 1
        // (No wall-clock bound: in the full suite the test process's executor is saturated for minutes;
        // the outcome, a transient error rather than a hang, is what is checked.)
        await #expect {
            _ = try await PostgresStore.open(location, options: PostgresStoreOptions(timeoutSeconds: 2))
        } throws: { error in
            guard let error = error as? StoreError, error.isTransient else { return false }
            return "\(error)".contains("127.0.0.1:1")
        }
    }
}
