import SextantLanguage
import Testing

/// What the linter checks of inline tests with types and stages (E0504), and the paths it accepts.
@Suite struct InlineTestCheckTests {
    static let strategy = """
        kind: strategy
        name: t
        let:
          vol: atr(14)
          calm: vol < 2
        entry:
          long: close > open and calm
        exit:
          long: open_pnl < 0
        stops:
          loss: 2 * vol
        tests:
          - name: x
            bars: {close: "10+1x3", high: "11+1x3", low: "9+1x3"}
            expect:

        """

    @Test func conditionsAndEventsAreAccepted() {
        let expect =
            "      {entry.long: [], let.calm: [0], fills.buy: [], fills.sell: [], trades.entry: [], trades.exit: [],"
            + " rejections: [], rejections.max_position: [], shrunk: [], shrunk.insufficient_cash: []}\n"
        let result = Fixtures.lint(Self.strategy + expect)
        #expect(result.errorCount == 0, "\(Fixtures.describe(result.diagnostics))")
    }

    @Test func numericLetIsRefused() throws {
        let yaml = Self.strategy + "      {let.vol: [1]}\n"
        let result = Fixtures.lint(yaml)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1, "\(Fixtures.describe(result.diagnostics))")
        #expect(diagnostic.id.rawValue == "E0504")
        #expect(diagnostic.message.contains("is series<number>, not a condition"))
        #expect(diagnostic.location == Fixtures.location(of: "let.vol", in: yaml))
    }

    @Test func stateSignalIsRefusedWithTheValueItReads() throws {
        let yaml = Self.strategy + "      {exit.long: [1]}\n"
        let result = Fixtures.lint(yaml)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1, "\(Fixtures.describe(result.diagnostics))")
        #expect(diagnostic.id.rawValue == "E0504")
        #expect(diagnostic.message.contains("`open_pnl`"))
        #expect(diagnostic.suggestion?.contains("trades.exit") == true)
        #expect(diagnostic.location == Fixtures.location(of: "exit.long: [1]", in: yaml))
    }

    @Test func undefinedLetSuggestsTheClosest() throws {
        let result = Fixtures.lint(Self.strategy + "      {let.clam: [1]}\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id.rawValue == "E0504")
        #expect(diagnostic.suggestion == "did you mean `let.calm`?")
    }

    @Test(arguments: [
        ("fills.bye", "did you mean `fills.buy`?"), ("trade.exit", "did you mean `trades.exit`?"),
        ("rejections.cooldwn", "did you mean `rejections.cooldown`?"),
        ("shrunk.max_postion", "did you mean `shrunk.max_position`?"),
    ])
    func misspeltEventsSuggestTheClosest(_ path: String, _ suggestion: String) throws {
        let result = Fixtures.lint(Self.strategy + "      {\(path): [1]}\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.id.rawValue == "E0107")
        #expect(diagnostic.suggestion == suggestion)
    }

    @Test func pathsRoundTrip() {
        for path in InlineExpectPath.fixedPaths + ["let.x"] {
            #expect(InlineExpectPath(path)?.description == path)
        }
        for path in ["let.", "let.1x", "fills", "rejections.", "rejections.nope", "entry.both", "shrunk.zero_size.x"] {
            #expect(InlineExpectPath(path) == nil, "\(path)")
        }
    }
}
