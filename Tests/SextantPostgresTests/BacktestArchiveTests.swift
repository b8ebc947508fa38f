import Foundation
import SextantPostgres
import SextantStore
import Testing

@Suite struct BacktestArchiveTests {
    static func record(_ id: String, recorded: Int64) -> BacktestRecord {
        BacktestRecord(
            id: id, strategyHash: "h1", strategyName: "sma_cross", data: ["postgres:GOOG@1d"],
            paramsJSON: #"{"fast": 10, "slow": 30}"#, settingsJSON: #"{"cash": 10000, "commission": 0.002}"#,
            resultJSON: #"{"stats": {"sharpe": 1.25, "trades": 12}, "trades": [{"entry": 1, "exit": 2}]}"#,
            recorded: EpochMilliseconds(recorded))
    }

    /// JSON compared as values: jsonb keeps the document, not its spacing or key order.
    static func sameJSON(_ lhs: String, _ rhs: String) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: Data(lhs.utf8)) as? NSDictionary
        let right = try JSONSerialization.jsonObject(with: Data(rhs.utf8)) as? NSDictionary
        return left != nil && left == right
    }

    @Test func aBacktestIsRecordedOnceAndReadBack() async throws {
        try await PostgresHarness.with { harness in
            let store = harness.postgres
            #expect(try await store.recordBacktest(Self.record("b2", recorded: 2000)))
            #expect(try await store.recordBacktest(Self.record("b1", recorded: 1000)))
            #expect(try await store.recordBacktest(Self.record("b1", recorded: 5000)) == false)
            let back = try #require(try await store.backtest(id: "b1"))
            #expect(back.strategyName == "sma_cross" && back.data == ["postgres:GOOG@1d"])
            #expect(back.recorded == EpochMilliseconds(1000))
            #expect(try Self.sameJSON(back.resultJSON, Self.record("b1", recorded: 0).resultJSON))
            #expect(try Self.sameJSON(back.paramsJSON, Self.record("b1", recorded: 0).paramsJSON))
            #expect(try await store.backtests(strategyHash: "h1").map(\.id) == ["b1", "b2"])
            #expect(try await harness.count("backtest_results") == 2)
            // The result is queryable as JSON.
            #expect(
                try await harness.integer(
                    "SELECT (result -> 'stats' ->> 'trades')::bigint FROM backtest_results WHERE run_id = 'b1'") == 12)
        }
    }

    @Test func aResultThatIsNotJSONIsRefusedWithItsRun() async throws {
        try await PostgresHarness.with { (harness: PostgresHarness) async throws in
            var bad = Self.record("b1", recorded: 1)
            bad.resultJSON = "{not json"
            await #expect(throws: StoreError.self) { try await harness.postgres.recordBacktest(bad) }
            #expect(try await harness.count("backtest_runs") == 0)
        }
    }
}
