import Foundation
import SextantCLITestSupport
import Testing

@Suite("sextant eval")
struct EvalCommandTests {
    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `sma(close, 20)` over GOOG equals TA-Lib's SMA column of the reference file on every bar.
    @Test func matchesTheTalibReference() throws {
        let output = try CLIRunner.run([
            "eval", "examples/data/GOOG.csv", "-e", "s=sma(close, 20)", "-e", "up=close > open", "-e", "half=close / 2",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = Self.rows(output.stdout)
        #expect(rows.first == ["time", "s", "up", "half"])
        #expect(rows.count == 2149)
        let reference = try String(
            contentsOf: CLIRunner.root.appendingPathComponent("Tests/SextantIndicatorsTests/Reference/talib_GOOG.csv"),
            encoding: .utf8)
        let talib = Self.rows(reference)
        let column = try #require(talib.first?.firstIndex(of: "sma_20"))
        for (got, want) in zip(rows.dropFirst(), talib.dropFirst()) {
            #expect(got[0] == want[0])
            if want[column].isEmpty {
                #expect(got[1].isEmpty)
            } else {
                let a = try #require(Double(got[1]))
                let b = try #require(Double(want[column]))
                #expect(abs(a - b) <= 1e-9 * abs(b) + 1e-12)
            }
        }
        #expect(rows[1][2] == "true")  // 2004-08-19: open 100, close 100.34
        #expect(rows[1][3] == "50.17")
    }

    @Test func strategyScopeAndParamOverrides() throws {
        let output = try CLIRunner.run([
            "eval", "examples/data/GOOG.csv", "--strategy", "Strategies/sma_cross.yaml", "--param", "fast=5",
            "-e", "f=fast_ma", "-e", "direct=sma(close, 5)",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let rows = Self.rows(output.stdout).dropFirst()
        #expect(rows.allSatisfy { $0[1] == $0[2] })
        #expect(rows.filter { $0[1].isEmpty }.count == 4)
    }

    @Test func badRowIsLocatedAndNothingIsWritten() throws {
        let data = try CLIRunner.temporaryFile(
            "time,open,high,low,close,volume\n2024-01-01,1,2,0.5,1.5,100\n2024-01-02,1,2,0.5,1.x5,100\n",
            name: "bars.csv")
        let target = URL(fileURLWithPath: data).deletingLastPathComponent().appendingPathComponent("out.csv").path
        let output = try CLIRunner.run(["eval", data, "-e", "c=close", "--output", target])
        #expect(output.status == 1)
        #expect(output.stderr.contains("bars.csv:3:"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func badExpressionIsLocated() throws {
        let output = try CLIRunner.run(["eval", "examples/data/GOOG.csv", "-e", "x=close > smaa(close, 3)"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("-e x:1:9: error[E0302]: unknown function `smaa`"), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test(arguments: [
        ["eval", "examples/data/GOOG.csv"], ["eval", "examples/data/GOOG.csv", "-e", "nameless"],
        ["eval", "examples/data/GOOG.csv", "-e", "x=close", "--param", "fast=5"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        #expect(try CLIRunner.run(arguments).status == 2)
    }

    @Test func timingsAreOneJSONObject() throws {
        let output = try CLIRunner.run(["eval", "examples/data/GOOG.csv", "-e", "r=rsi(close, 14)", "--timings"])
        #expect(output.status == 0)
        let line = try #require(output.stderr.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["load_seconds"] is Double)
        #expect(object["total_seconds"] is Double)
        #expect((object["peak_bytes"] as? Int ?? 0) > 0)
        #expect((object["columns"] as? [String: Any])?["r"] is Double)
    }

    /// Two symbols with different gaps: only the timestamps both have are kept, in order.
    @Test func symbolsAlignByTimestamp() throws {
        let header = "time,open,high,low,close,volume\n"
        let a = try CLIRunner.temporaryFile(
            header
                + ["2024-01-01,1,1,1,10,1", "2024-01-02,1,1,1,11,1", "2024-01-04,1,1,1,13,1", "2024-01-05,1,1,1,14,1"]
                .joined(separator: "\n") + "\n", name: "a.csv")
        let b = try CLIRunner.temporaryFile(
            header
                + ["2024-01-02,1,1,1,21,1", "2024-01-03,1,1,1,22,1", "2024-01-05,1,1,1,24,1"].joined(separator: "\n")
                + "\n", name: "b.csv")
        let output = try CLIRunner.run(["eval", a, "--symbol", "b=\(b)", "-e", "spread=b.close - close"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(Self.rows(output.stdout) == [["time", "spread"], ["2024-01-02", "10"], ["2024-01-05", "10"]])
    }
}
