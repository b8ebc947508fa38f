import Foundation
import SextantCLITestSupport
import Testing

@Suite("sextant backtest and optimize")
struct BacktestCommandTests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sextant-\(UUID().uuidString)-\(name)").path
    }

    /// The Quick-Start SmaCross through the command line: Backtesting.py's headline numbers, a JSON
    /// document with the documented keys, and the trades CSV.
    @Test func smaCrossOnGOOG() throws {
        let json = Self.temporary("result.json")
        let trades = Self.temporary("trades.csv")
        defer {
            try? FileManager.default.removeItem(atPath: json)
            try? FileManager.default.removeItem(atPath: trades)
        }
        let output = try CLIRunner.run([
            "backtest", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--cash", "10000",
            "--commission", "0.002", "--json", json, "--trades", trades,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Return [%]              462.635193"))
        #expect(output.stdout.contains("# Trades                93"))
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let stats = try #require(document["stats"] as? [String: Any])
        for key in [
            "start", "end", "duration", "exposure_time_pct", "equity_final", "equity_peak", "commissions", "return_pct",
            "buy_hold_return_pct", "return_ann_pct", "volatility_ann_pct", "cagr_pct", "sharpe", "sortino", "calmar",
            "alpha_pct", "beta", "max_drawdown_pct", "avg_drawdown_pct", "max_drawdown_duration",
            "avg_drawdown_duration", "trades", "win_rate_pct", "best_trade_pct", "worst_trade_pct", "avg_trade_pct",
            "max_trade_duration", "avg_trade_duration", "profit_factor", "expectancy_pct", "sqn", "kelly",
            "rejected_orders", "shrunk_orders",
        ] {
            #expect(stats[key] != nil, "stats.\(key)")
        }
        #expect(abs((stats["sharpe"] as? Double ?? 0) - 0.6007399729861899) < 1e-9)
        let list = try #require(document["trades"] as? [[String: Any]])
        #expect(list.count == 93)
        for key in [
            "entry_bar", "exit_bar", "entry_time", "exit_time", "size", "entry_price", "exit_price", "pnl",
            "return_pct",
            "commission", "exit_reason",
        ] {
            #expect(list.first?[key] != nil, "trades[].\(key)")
        }
        #expect((document["equity"] as? [Any])?.count == 2148)
        let timings = try #require(document["timings"] as? [String: Any])
        #expect(timings["load_seconds"] is Double && timings["compute_seconds"] is Double)
        let csv = try String(contentsOfFile: trades, encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 93 + 1)
    }

    /// Broken input: a located error and exit status 1, usage mistakes exit 2, nothing written.
    @Test(arguments: [
        (["backtest", "Strategies/sma_cross.yaml", "--data", "missing.csv"], Int32(1), "missing.csv"),
        (
            ["backtest", "Tests/SextantLanguageTests/Corpus/let-cycle.yaml", "--data", "examples/data/GOOG.csv"], 1,
            "error"
        ),
        (
            ["backtest", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--param", "nope=1"], 2,
            "nope"
        ),
        (
            ["backtest", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--param", "fast=0"], 1,
            "E0403"
        ),
        (
            ["backtest", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--commission", "x"], 2,
            "commission"
        ),
        (
            ["backtest", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--slippage", "-1"], 2,
            "slippage"
        ),
        (["backtest", "Strategies/sma_cross.yaml"], 2, "--data"),
        (["backtest", "Strategies/pairs_zscore.yaml", "--data", "examples/data/GOOG.csv"], 2, "ALIAS=FILE"),
        (
            ["optimize", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--grid", "fast=1..x"], 2,
            "fast"
        ),
        (
            ["optimize", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--maximize", "luck"], 2,
            "luck"
        ),
        (
            ["optimize", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--constraint", "fast <"], 1,
            "error"
        ),
    ])
    func badInput(_ arguments: [String], _ status: Int32, _ fragment: String) throws {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == status, "\(output.stderr)")
        #expect(output.stderr.contains(fragment), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    /// A malformed row is reported with its line and column.
    @Test func badCSVRowIsLocated() throws {
        let path = Self.temporary("bad.csv")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "time,open,high,low,close,volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,zero,1.5,10\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = try CLIRunner.run(["backtest", "Strategies/sma_cross.yaml", "--data", path])
        #expect(output.status == 1)
        #expect(output.stderr.contains(":3:"), "\(output.stderr)")
    }

    /// A 100-point grid over the file's ranges prints the best points, best first.
    @Test func optimizeGrid() throws {
        let csv = Self.temporary("points.csv")
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let output = try CLIRunner.run([
            "optimize", "Strategies/sma_cross.yaml", "--data", "examples/data/GOOG.csv", "--commission", "0.002",
            "--grid", "fast=5..50:5", "--grid", "slow=10..100:10", "--constraint", "fast < slow", "--top", "3",
            "--csv", csv,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("75 point(s) by sharpe (25 excluded by constraints)"))
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[2].split(separator: " ").prefix(4) == ["1", "10", "20", "0.601"])
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 76)
    }
}
