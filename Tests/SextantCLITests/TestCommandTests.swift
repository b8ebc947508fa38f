import Foundation
import SextantCLITestSupport
import Testing

@Suite("sextant test")
struct TestCommandTests {
    /// A strategy whose test expects the cross one bar early, and a fill on the signal bar instead of
    /// the next one. With fast 2 and slow 3 over these closes the fast average crosses above at bar 4
    /// (9.5 < 9.67 at bar 3, 10.5 > 10.33 at bar 4), and the order fills at bar 5's open.
    static let failing = """
        kind: strategy
        name: early
        params: {fast: 10, slow: 20}
        let:
          fast_ma: sma(close, fast)
          slow_ma: sma(close, slow)
        entry:
          long: crosses_above(fast_ma, slow_ma)
          short: crosses_below(fast_ma, slow_ma)
        tests:
          - name: expects the cross a bar early
            bars: {close: "10x2 9 12 14"}
            params: {fast: 2, slow: 3}
            expect: {entry.long: [3], fills.buy: [4], entry.short: []}
        """

    @Test func bundledStrategiesPass() throws {
        let output = try CLIRunner.run(["test", "Strategies"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout.contains("PASS Strategies/guarded_breakout.yaml:"))
        #expect(output.stdout.contains(" 0 failed"))
        #expect(!output.stdout.contains("FAIL"))
    }

    @Test func aFailingTestShowsExpectedAndGotBars() throws {
        let path = try CLIRunner.temporaryFile(Self.failing)
        let output = try CLIRunner.run(["test", path])
        #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
        let expected = """
            FAIL \(path):11:5: expects the cross a bar early
              entry.long (\(path):14:14)
                expected bars: [3]
                got bars:      [4]
                at bar 3: expected true, got false
                  fast_ma = 9.5
                  slow_ma = 9.666667
              fills.buy (\(path):14:31)
                expected bars: [4]
                got bars:      [5]
                at bar 4: expected, did not happen
                  bar 4: `entry.long` is true
                  (an order decided at a bar's close fills at the next bar's open)
              params: fast = 2, slow = 3
            1 file, 1 test: 0 passed, 1 failed

            """
        #expect(output.stdout == expected)
    }

    @Test func jsonFormatIsDocumentedShape() throws {
        let path = try CLIRunner.temporaryFile(Self.failing)
        let output = try CLIRunner.run(["test", "--format", "json", path])
        #expect(output.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["files"] as? Int == 1)
        #expect(object["tests"] as? Int == 1)
        #expect(object["passed"] as? Int == 0)
        #expect(object["failed"] as? Int == 1)
        #expect(object["lint_failures"] as? Int == 0)
        let results = try #require(object["results"] as? [[String: Any]])
        let test = try #require(results.first)
        #expect(test["file"] as? String == path)
        #expect(test["line"] as? Int == 11)
        #expect(test["passed"] as? Bool == false)
        #expect(test["bars"] as? Int == 6)
        #expect(test["params"] as? [String: Double] == ["fast": 2, "slow": 3])
        let expectations = try #require(test["expectations"] as? [[String: Any]])
        #expect(expectations.map { $0["path"] as? String } == ["entry.long", "fills.buy", "entry.short"])
        let signal = expectations[0]
        #expect(signal["expected"] as? [Int] == [3])
        #expect(signal["got"] as? [Int] == [4])
        #expect(signal["missing"] as? [Int] == [3])
        #expect(signal["unexpected"] as? [Int] == [4])
        let difference = try #require(signal["first_difference"] as? [String: Any])
        #expect(difference["bar"] as? Int == 3)
        #expect(difference["expected"] as? Bool == true)
        #expect(difference["got"] as? Bool == false)
        let inputs = try #require(difference["inputs"] as? [[String: Any]])
        #expect(inputs.first?["name"] as? String == "fast_ma")
        #expect(inputs.first?["value"] as? Double == 9.5)
        #expect(expectations[2]["passed"] as? Bool == true)
        #expect(expectations[2]["first_difference"] is NSNull)
    }

    @Test func aFileThatDoesNotLintFailsWithItsDiagnostics() throws {
        let broken = Self.failing.replacingOccurrences(of: "fills.buy", with: "fills.by")
        let path = try CLIRunner.temporaryFile(broken)
        let output = try CLIRunner.run(["test", path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAIL \(path): the file does not lint"))
        #expect(output.stdout.contains("\(path):14:31: error[E0107]:"))
        #expect(output.stdout.contains("did you mean `fills.buy`?"))
        #expect(output.stdout.contains("1 file did not lint"))
    }

    @Test func riskAndEngineFilesAreSkipped() throws {
        let output = try CLIRunner.run(["test", "Config"])
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.stdout == "2 files, 0 tests: 0 passed, 0 failed\n")
    }

    @Test(arguments: [["test", "no/such/path.yaml"], ["test", "--format", "xml", "Strategies"], ["test"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let output = try CLIRunner.run(arguments)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(!output.stderr.isEmpty)
    }
}
