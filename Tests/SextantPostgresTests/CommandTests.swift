import Foundation
import SextantCLITestSupport
import SextantPostgres
import Testing

/// `sextant db migrate`, `sextant data import` and `--data postgres:SYMBOL@TIMEFRAME`, through the
/// built binary against the throwaway server.
@Suite struct CommandTests {
    static let sample = "examples/data/GOOG.csv"

    static func environment(_ location: PostgresLocation) -> [String: String] {
        ["SEXTANT_STORE": location.description]
    }

    @Test func migrateIsIdempotentAndReportsWhatItDid() async throws {
        try await TestServer.withDatabase { location in
            let first = try CLIRunner.run(["db", "migrate", "--store", location.description])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("applied v1_trading_records\napplied v2_bars_and_backtests\n"))
            // The URL may come from the environment instead.
            let second = try CLIRunner.run(["db", "migrate"], environment: Self.environment(location))
            #expect(second.status == 0)
            #expect(second.stdout.contains("schema up to date (v2_bars_and_backtests)"))
        }
    }

    @Test func importedBarsBacktestExactlyAsTheCSVFileDoes() async throws {
        try await TestServer.withDatabase { location in
            let env = Self.environment(location)
            let imported = try CLIRunner.run(
                ["data", "import", Self.sample, "--symbol", "GOOG", "--timeframe", "1d"], environment: env)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("imported 2148 bars into GOOG@1d"))
            // Twice: replaced, not duplicated.
            #expect(
                try CLIRunner.run(
                    ["data", "import", Self.sample, "--symbol", "GOOG", "--timeframe", "24h"], environment: env
                ).status == 0)
            #expect(try await TestDatabase(location: location).integer("SELECT count(*) FROM bars") == 2148)

            let fromStore = try CLIRunner.run(
                ["backtest", "Strategies/sma_cross.yaml", "--data", "postgres:GOOG@1d", "--commission", "0.002"],
                environment: env)
            let fromFile = try CLIRunner.run(
                ["backtest", "Strategies/sma_cross.yaml", "--data", Self.sample, "--commission", "0.002"])
            #expect(fromStore.status == 0, "\(fromStore.stderr)")
            #expect(fromStore.stdout == fromFile.stdout)

            let dryRun = try CLIRunner.run(
                ["dry-run", "Strategies/sma_cross.yaml", "--data", "postgres:GOOG@1d"], environment: env)
            let dryRunFile = try CLIRunner.run(["dry-run", "Strategies/sma_cross.yaml", "--data", Self.sample])
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(
                dryRun.stdout.replacingOccurrences(of: "on GOOG", with: "")
                    == dryRunFile.stdout.replacingOccurrences(of: "on GOOG", with: ""))
        }
    }

    /// `backtest --record` keeps the run and its result, the same document `--json` writes, under the
    /// ID it prints; two runs are two records of the same strategy version.
    @Test func aRecordedBacktestIsKeptWithItsResult() async throws {
        try await TestServer.withDatabase { location in
            let json = try CLIRunner.temporaryFile("", name: "result.json")
            let arguments = [
                "backtest", "Strategies/sma_cross.yaml", "--data", Self.sample, "--commission", "0.002", "--param",
                "fast=12", "--record", "--store", location.description,
            ]
            let first = try CLIRunner.run(arguments + ["--json", json])
            #expect(first.status == 0, "\(first.stderr)")
            let id = try #require(
                first.stdout.split(separator: "\n").last { $0.hasPrefix("recorded backtest ") }?.split(separator: " ")
                    .last)
            let store = try await PostgresStore.open(location)
            defer { Task { try? await store.close() } }
            let record = try #require(try await store.backtest(id: String(id)))
            #expect(record.strategyName == "sma_cross")
            #expect(record.data == [Self.sample])
            let params = try JSONSerialization.jsonObject(with: Data(record.paramsJSON.utf8)) as? [String: Double]
            #expect(params?["fast"] == 12)
            let settings = try JSONSerialization.jsonObject(with: Data(record.settingsJSON.utf8)) as? [String: Any]
            #expect(settings?["commission"] as? Double == 0.002)
            // The stored result is the --json document (jsonb keeps its values, not its spacing).
            let stored = try JSONSerialization.jsonObject(with: Data(record.resultJSON.utf8)) as? NSDictionary
            let written =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? NSDictionary
            let storedStats = stored?["stats"] as? NSDictionary
            #expect(storedStats != nil && storedStats == written?["stats"] as? NSDictionary)
            let trades = (stored?["trades"] as? [Any])?.count ?? 0
            #expect(trades > 50 && trades == (written?["trades"] as? [Any])?.count)

            let second = try CLIRunner.run(arguments)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(try await store.backtests(strategyHash: record.strategyHash).count == 2)
        }
    }

    /// Without a store `--record` is a usage error, before anything runs.
    @Test func recordingNeedsAStore() throws {
        let result = try CLIRunner.run(
            ["backtest", "Strategies/sma_cross.yaml", "--data", Self.sample, "--record"],
            environment: ["SEXTANT_STORE": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--record needs a store"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aBadRowImportsNothingAndSaysWhere() async throws {
        try await TestServer.withDatabase { location in
            let csv = try CLIRunner.temporaryFile(
                "time,open,high,low,close\n2024-01-01,1,2,0.5,1.5\n2024-01-02,1,2,zero,1.5\n", name: "bad.csv")
            let result = try CLIRunner.run(
                ["data", "import", csv, "--symbol", "X", "--timeframe", "1d", "--store", location.description])
            #expect(result.status == 1)
            #expect(result.stderr.contains("bad.csv:3:"))
            // The store was not even opened: nothing is there, not even the schema.
            #expect(try await TestDatabase(location: location).integer("SELECT count(to_regclass('bars'))") == 0)
        }
    }

    /// Malformed input: a clear message, the usual exit status, no crash.
    @Test(arguments: [
        (["data", "import", sample, "--symbol", "GOOG", "--timeframe", "1x"], 2, "--timeframe expects"),
        (["data", "import", sample, "--symbol", "GO OG", "--timeframe", "1d"], 2, "--symbol must be"),
        (["db", "migrate", "--store", "mysql://h/x"], 2, "starts with postgres://"),
        (["db", "migrate", "--store", "postgres://trader:hunter2@127.0.0.1/x"], 2, "must not contain a password"),
        (["db", "migrate", "--store", "postgres://postgres@127.0.0.1:1/x"], 1, "unavailable"),
        (["backtest", "Strategies/sma_cross.yaml", "--data", "postgres:GOOG"], 2, "postgres:SYMBOL@TIMEFRAME"),
        (
            ["data", "import", "missing.csv", "--symbol", "X", "--timeframe", "1d", "--store", "postgres://h/x"], 1,
            "missing.csv"
        ),
    ])
    func malformedInputIsAClearError(arguments: [String], status: Int32, message: String) throws {
        let result = try CLIRunner.run(arguments, environment: ["SEXTANT_STORE": ""])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("hunter2"))
    }

    @Test func withoutAStoreTheCommandsSayHowToGiveOne() throws {
        let result = try CLIRunner.run(["db", "migrate"], environment: ["SEXTANT_STORE": ""])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--store postgres://"))
    }

    @Test func anUnknownSeriesListsTheStoredOnes() async throws {
        try await TestServer.withDatabase { location in
            let env = Self.environment(location)
            _ = try CLIRunner.run(
                ["data", "import", Self.sample, "--symbol", "GOOG", "--timeframe", "1d"], environment: env)
            let result = try CLIRunner.run(
                ["backtest", "Strategies/sma_cross.yaml", "--data", "postgres:MSFT@1d"], environment: env)
            #expect(result.status == 1)
            #expect(result.stderr.contains("no bars for MSFT@1d"))
            #expect(result.stderr.contains("stored: GOOG@1d (2148 bars)"))
        }
    }
}
