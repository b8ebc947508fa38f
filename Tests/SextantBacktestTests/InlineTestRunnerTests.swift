import Foundation
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// `sextant test`'s runner: bars built from a test, signals and simulated events compared by bar. The
/// expected bars are worked out by hand in the comments, not taken from the runner.
@Suite struct InlineTestRunnerTests {
    /// Long above 10, out below 10. With only `close` given, open = close; nothing warms up, so the
    /// first decision is bar 1 (Backtesting.py starts one bar after the indicators' warm-up).
    static func strategy(_ extra: String = "", expect: String) -> String {
        """
        kind: strategy
        name: events
        entry:
          long: close > 10
        exit:
          long: close < 10
        \(extra)
        tests:
          - name: t
            bars: {close: [9, 11, 12, 9, 8, 11, 12]}
            expect: \(expect)
        """
    }

    static func run(_ text: String) throws -> InlineTestResult {
        let strategy = try BacktestFixtures.strategy(text: text)
        let results = InlineTestRunner.run(strategy)
        return try #require(results.first)
    }

    // Bar 1 enters (fills at bar 2's open, 12), bar 3 exits (fills at bar 4's open, 8: a loss), bar 5
    // enters again (fills at bar 6); the second trade is still open at the end.
    @Test(arguments: [
        "{entry.long: [1, 2, 5, 6], exit.long: [0, 3, 4]}",
        "{fills.buy: [2, 6], fills.sell: [4], trades.entry: [2], trades.exit: [4]}",
        "{rejections: [], shrunk: []}",
    ])
    func signalsAndFillsMatchTheHandWorkedRun(_ expect: String) throws {
        let result = try Self.run(Self.strategy(expect: expect))
        #expect(result.passed, "\(result.expectations.map { ($0.path.description, $0.got) })")
        #expect(result.bars == 7)
    }

    // The loss at bar 4 starts a 5-bar cooldown: the entry signals of bars 5 and 6 are refused at the
    // signal bar.
    @Test func cooldownRejectsTheNextEntries() throws {
        let expect = "{fills.buy: [2], rejections: [5, 6], rejections.cooldown: [5, 6], rejections.max_position: []}"
        let result = try Self.run(Self.strategy("risk: {cooldown: 5 bars}", expect: expect))
        #expect(result.passed, "\(result.expectations.map { ($0.path.description, $0.got) })")
    }

    // 1,000 units at 12 cost 12,000 of the 10,000 cash: shrunk to 833 at the fill bar (2); after the
    // loss (833 × 4), 6,668 buys 555 at bar 6.
    @Test func aSizeTheCashCannotPayIsShrunk() throws {
        let expect = "{fills.buy: [2, 6], shrunk: [2, 6], shrunk.insufficient_cash: [2, 6], rejections: []}"
        let result = try Self.run(Self.strategy("size: 1000", expect: expect))
        #expect(result.passed, "\(result.expectations.map { ($0.path.description, $0.got) })")
    }

    @Test func aFailureSaysWhatDifferedAndWhy() throws {
        let result = try Self.run(Self.strategy(expect: "{entry.long: [1, 2, 4], fills.buy: [3]}"))
        #expect(!result.passed)
        let signal = try #require(result.expectations.first)
        #expect(signal.expected == [1, 2, 4])
        #expect(signal.got == [1, 2, 5, 6])
        #expect(signal.missing == [4])
        #expect(signal.unexpected == [5, 6])
        #expect(signal.firstDifference == 4)
        #expect(signal.inputs == [InlineTestInput(name: "close", value: 8, isCondition: false)])
        #expect(signal.span.start.description == "11:14")
        let fills = try #require(result.expectations.last)
        #expect(fills.got == [2, 6])
        #expect(fills.firstDifference == 2)
        #expect(fills.events.contains("bar 1: `entry.long` is true"))
        #expect(fills.events.contains("bar 2: long entry filled, 833 units at 12"))
    }

    @Test func anOverrideThatBreaksAnIndicatorIsAProblemPointingAtIt() throws {
        let text = """
            kind: strategy
            name: p
            params: {length: 3}
            entry:
              long: close > sma(close, length)
            exit:
              long: close < sma(close, length)
            tests:
              - name: zero length
                bars: {close: "1+1x5"}
                params: {length: 0}
                expect: {entry.long: []}
            """
        let result = try Self.run(text)
        #expect(!result.passed)
        let problem = try #require(result.problems.first)
        #expect(problem.id.rawValue == "E0305" || problem.message.contains("length"))
        #expect(problem.notes.contains { $0.message == "the test sets `length` here" && $0.span?.start.line == 11 })
    }

    /// Every bundled strategy passes its own tests, and at least three test orders or rejections.
    @Test func bundledStrategiesPassTheirTests() throws {
        let folder = BacktestFixtures.root.appendingPathComponent("Strategies")
        let files = try FileDiscovery.yamlFiles(in: [folder.path])
        var withEvents = 0
        for file in files {
            let result = Linter.lint(path: file)
            guard case .strategy(let strategy) = result.checked else {
                Issue.record("\(file) did not lint")
                continue
            }
            #expect(!strategy.document.tests.isEmpty, "\(file) has no inline test")
            for test in InlineTestRunner.run(strategy) {
                #expect(
                    test.passed,
                    "\(file): \(test.name): \(test.expectations.filter { !$0.passed }.map { ($0.path.description, $0.got) }) \(test.problems.map(\.message))"
                )
            }
            let paths = strategy.document.tests.flatMap { $0.expect.compactMap { InlineExpectPath($0.path.value) } }
            if paths.contains(where: { $0.graphOutput == nil }) { withEvents += 1 }
        }
        #expect(withEvents >= 3)
    }

    /// The language lists the rejection reasons a test can name; they must be the backtester's.
    @Test func rejectionReasonsAreTheBacktesters() {
        #expect(InlineExpectPath.rejectionReasons == RejectionReason.allCases.map(\.rawValue))
    }
}

/// A test's bars: what a test leaves out is filled in (see `InlineTestBars`).
@Suite struct InlineTestBarsTests {
    static func data(_ bars: String, header: String = "") throws -> MarketData {
        let text = """
            kind: strategy
            name: b
            \(header)
            entry:
              long: close > open
            exit:
              long: close < open
            tests:
              - name: t
                bars: \(bars)
                expect: {entry.long: []}
            """
        let strategy = try BacktestFixtures.strategy(text: text)
        let test = try #require(strategy.document.tests.first)
        return InlineTestBars.marketData(of: test, strategy: strategy.document)
    }

    static func equal(_ a: [Double]?, _ b: [Double]) -> Bool {
        guard let a, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 }
    }

    @Test func onlyCloseGivesFlatBarsAndMissingVolume() throws {
        let data = try Self.data("{close: \"10 11 na\"}")
        let fields = try #require(data.columns[nil])
        for field in [BarField.open, .high, .low, .close] {
            #expect(Self.equal(fields[field], [10, 11, .nan]), "\(field)")
        }
        #expect(Self.equal(fields[.volume], [.nan, .nan, .nan]))
        #expect(data.time == [0, 86_400, 172_800])
    }

    @Test func openAndCloseBoundHighAndLow() throws {
        let fields = try #require(try Self.data("{open: [10, 12], close: [11, 9], volume: [5, 6]}").columns[nil])
        #expect(Self.equal(fields[.high], [11, 12]))
        #expect(Self.equal(fields[.low], [10, 9]))
        #expect(Self.equal(fields[.volume], [5, 6]))
    }

    @Test func givenHighAndLowAreKeptAndOpenIsTheClose() throws {
        let fields = try #require(try Self.data("{close: [10, 11], high: [12, 13], low: [8, 9]}").columns[nil])
        #expect(Self.equal(fields[.open], [10, 11]))
        #expect(Self.equal(fields[.high], [12, 13]))
        #expect(Self.equal(fields[.low], [8, 9]))
    }

    @Test func barsAreTimedByTheStrategysTimeframe() throws {
        let data = try Self.data("{close: \"1x2\"}", header: "timeframe: 4h")
        #expect(data.time == [0, 14_400, 28_800])
    }

    @Test func aliasColumnsAreTheirSymbolsAndTheFirstIsTraded() throws {
        let text = """
            kind: strategy
            name: pair
            symbols: {a: KO, b: PEP}
            entry:
              long: a.close > b.close
            exit:
              long: a.close < b.close
            tests:
              - name: t
                bars: {b.close: [1, 2], a.close: [3, 4]}
                expect: {entry.long: [0, 1]}
            """
        let strategy = try BacktestFixtures.strategy(text: text)
        let test = try #require(strategy.document.tests.first)
        let data = InlineTestBars.marketData(of: test, strategy: strategy.document)
        #expect(Self.equal(data.columns["b"]?[.close], [1, 2]))
        #expect(Self.equal(data.columns[nil]?[.close], [3, 4]))
        #expect(InlineTestRunner.run(strategy).first?.passed == true)
    }
}
