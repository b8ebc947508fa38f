import SextantPostgres
import SextantStore
import Testing

@Suite struct MigrationTests {
    static let tables = [
        "strategy_versions", "runs", "orders", "fills", "positions", "risk_events", "equity_snapshots", "bars",
        "backtest_runs", "backtest_results",
    ]

    @Test func openingTwiceAppliesEachMigrationOnce() async throws {
        try await PostgresHarness.with { harness in
            #expect(harness.postgres.appliedMigrations == ["v1_trading_records", "v2_bars_and_backtests"])
            let again = try await PostgresStore.open(harness.location)
            #expect(again.appliedMigrations.isEmpty)
            try await again.close()
            #expect(try await harness.integer("SELECT count(*) FROM schema_migrations") == 2)
            for table in Self.tables {
                #expect(try await harness.integer("SELECT count(to_regclass('\(table)'))") == 1, "\(table)")
            }
        }
    }

    @Test func migratorsStartingTogetherApplyEverythingOnce() async throws {
        try await TestServer.withDatabase { location in
            // The advisory lock makes the others wait and then find the work done.
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let store = try await PostgresStore.open(location)
                        try await store.close()
                        return store.appliedMigrations
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(applied.sorted() == ["v1_trading_records", "v2_bars_and_backtests"])
        }
    }

    @Test func aDatabaseMigratedByANewerSextantIsRefused() async throws {
        try await PostgresHarness.with { harness in
            try await harness.execute("INSERT INTO schema_migrations (version, identifier) VALUES (99, 'v99_future')")
            await #expect(throws: StoreError.newerSchema(path: harness.location.description)) {
                _ = try await PostgresStore.open(harness.location)
            }
        }
    }

    @Test func anotherApplicationsTablesAreLeftAlone() async throws {
        try await TestServer.withDatabase { location in
            try await TestDatabase(location: location).execute(
                "CREATE TABLE strategy_versions (theirs integer)")
            await #expect(throws: StoreError.foreignDatabase(path: location.description)) {
                _ = try await PostgresStore.open(location)
            }
            // Their table is as it was, and no half-applied migration is recorded.
            let harness = TestDatabase(location: location)
            #expect(try await harness.integer("SELECT count(*) FROM schema_migrations") == 0)
            #expect(try await harness.integer("SELECT count(*) FROM strategy_versions") == 0)
            #expect(try await harness.integer("SELECT count(to_regclass('orders'))") == 0)
        }
    }

    @Test func withoutMigrateAnUnmigratedDatabaseIsRefusedWithTheCommandToRun() async throws {
        try await TestServer.withDatabase { location in
            var options = PostgresStoreOptions()
            options.migrate = false
            await #expect {
                _ = try await PostgresStore.open(location, options: options)
            } throws: { error in
                "\(error)".contains("sextant db migrate")
            }
        }
    }

    @Test func aMissingDatabaseCannotBeOpened() async throws {
        let location = try TestServer.location().with(database: "sextant_no_such_database")
        await #expect {
            _ = try await PostgresStore.open(location)
        } throws: { error in
            guard case .cannotOpen(let path, _) = error as? StoreError else { return false }
            return path == location.description
        }
    }
}
