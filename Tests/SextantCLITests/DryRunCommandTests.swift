import Foundation
import SextantCLITestSupport
import Testing

@Suite("sextant dry-run")
struct DryRunCommandTests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sextant-\(UUID().uuidString)-\(name)").path
    }

    /// Through the command line, every bundled single-symbol strategy's dry-run trades equal its backtest's.
    @Test(arguments: [
        "sma_cross", "rsi_mean_reversion", "bollinger_breakout", "donchian_turtle", "macd_trend", "vol_target",
        "guarded_breakout", "stoch_pullback",
    ])
    func tradesEqualTheBacktest(_ name: String) throws {
        let dry = Self.temporary("dry.csv")
        let back = Self.temporary("back.csv")
        defer {
            try? FileManager.default.removeItem(atPath: dry)
            try? FileManager.default.removeItem(atPath: back)
        }
        let strategy = "Strategies/\(name).yaml"
        let run = try CLIRunner.run([
            "dry-run", strategy, "--data", "examples/data/GOOG.csv", "--commission", "0.1%", "--trades", dry,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let test = try CLIRunner.run([
            "backtest", strategy, "--data", "examples/data/GOOG.csv", "--commission", "0.1%", "--trades", back,
            "--quiet",
        ])
        #expect(test.status == 0, "\(test.stderr)")
        let dryRows = try String(contentsOfFile: dry, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", maxSplits: 1).last.map(String.init) ?? "" }
        let backRows = try String(contentsOfFile: back, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(dryRows == backRows)
        #expect(backRows.count > 1)
    }

    /// `--events -` writes one JSON object per line with the documented keys.
    @Test func eventsAsJSONLines() throws {
        let output = try CLIRunner.run([
            "dry-run", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--events", "-",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n")
        var types: Set<String> = []
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let type = try #require(object["type"] as? String)
            types.insert(type)
            #expect(object["time"] is String)
        }
        #expect(types == ["bar", "signal", "order", "fill"])
        #expect(output.stderr.contains("93 closed trade(s), 1 open"))
    }

    @Test(
        arguments: [
            (["dry-run", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--pace", "fast"], 2),
            (["dry-run", "Strategies/sma_cross.yaml", "--data", "missing.csv"], 1),
            (["dry-run", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--risk", "nope.yaml"], 1),
        ] as [([String], Int32)])
    func badInput(_ arguments: [String], _ status: Int32) throws {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == status, "\(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }

    /// `sextant kill` writes the flag file engines poll, with the mode they must apply.
    @Test func killWritesTheFlag() throws {
        let folder = Self.temporary("kill")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flag = folder + "/var/sextant.kill"
        let output = try CLIRunner.run(["kill", "--flatten", "--flag", flag])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try String(contentsOfFile: flag, encoding: .utf8) == "flatten\n")
    }

    /// `sextant run` on a file that is not a usable engine file: a located error and exit status 1.
    @Test func runRefusesBadEngineFiles() throws {
        let path = Self.temporary("engine.yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "kind: engine\nstrategies: [x.yaml]\nvenue: {adapter: paper}\ndata: {feed: csv, path: GOOG.csv}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["run", "Strategies/sma_cross.yaml"], "is not an engine file"),
            (["run", path], ":2:14: error[E0107]"),
            (["run", "missing.yaml"], "E0115"),
        ]
        for (arguments, fragment) in cases {
            let output = try CLIRunner.run(arguments)
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr.contains(fragment), "\(output.stderr)")
        }
    }
}
