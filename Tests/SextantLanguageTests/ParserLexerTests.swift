import Testing

@testable import SextantLanguage

extension ParserTests {
    /// The lexer alone: token kinds, literal values, and the spellings it substitutes.
    @Suite struct Lexer {
        static func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
            var bag = DiagnosticBag()
            let tokens = SextantLanguage.Lexer.tokenize(ExpressionSource(standalone: text), into: &bag)
            return (tokens, bag.sorted)
        }

        @Test(
            "token kinds",
            arguments: [
                ("25% of equity", [TokenKind.number, .percent, .ofKeyword, .name, .end]),
                ("10%3", [.number, .percent, .number, .end]),
                (
                    "a<=b>=c==d!=e<f>g",
                    [
                        .name, .lessEqual, .name, .greaterEqual, .name, .equalEqual, .name, .bangEqual, .name, .less,
                        .name, .greater, .name, .end,
                    ]
                ),
                ("stop = 2", [.name, .equal, .number, .end]),
                (
                    "x[1].y, (z)",
                    [
                        .name, .leftBracket, .number, .rightBracket, .dot, .name, .comma, .leftParen, .name,
                        .rightParen, .end,
                    ]
                ),
                (
                    "and or not if then else true false na of",
                    [
                        .andKeyword, .orKeyword, .notKeyword, .ifKeyword, .thenKeyword, .elseKeyword, .trueKeyword,
                        .falseKeyword, .naKeyword, .ofKeyword, .end,
                    ]
                ),
                ("andx _or not1 iff na_", [.name, .name, .name, .name, .name, .end]),
                ("30m 4h 1d 5 bars", [.duration, .duration, .duration, .number, .name, .end]),
                ("a+-*/b", [.name, .plus, .minus, .star, .slash, .name, .end]),
                ("eth.close 5.x", [.name, .dot, .name, .number, .dot, .name, .end]),
                ("", [.end]),
                (" \t\r\n", [.end]),
            ])
        func kinds(_ text: String, _ expected: [TokenKind]) {
            let (tokens, diagnostics) = Self.lex(text)
            #expect(tokens.map(\.kind) == expected)
            #expect(diagnostics.isEmpty)
        }

        @Test(
            "number values",
            arguments: [
                ("14", 14.0), ("0.5", 0.5), ("1e-3", 0.001), ("1E3", 1000), ("2.5e+2", 250), ("1_000_000", 1_000_000),
                ("0.1", 0.1), ("007", 7),
            ])
        func numberValues(_ text: String, _ value: Double) {
            let (tokens, diagnostics) = Self.lex(text)
            #expect(tokens.first?.kind == .number)
            #expect(tokens.first?.value == value)
            #expect(tokens.first?.range == 0..<text.utf8.count)
            #expect(diagnostics.isEmpty)
        }

        @Test("a percentage's fraction is the double nearest to the written decimal")
        func percentFraction() {
            for (text, fraction) in [("12.3%", 0.123), ("0.07%", 0.0007), ("33.3%", 0.333), ("1e2%", 1.0)] {
                #expect(Self.lex(text).tokens.first?.percentValue == fraction, "\(text)")
            }
        }

        @Test("units touching the digits make duration tokens")
        func durations() {
            let (tokens, _) = Self.lex("30m 1.5h 2d")
            #expect(tokens.map(\.unit) == [.minutes, .hours, .days, nil])
            #expect(tokens.map(\.value) == [30, 1.5, 2, 0])
        }

        @Test("a run of unexpected characters is one token and one diagnostic")
        func unexpectedRun() {
            let (tokens, diagnostics) = Self.lex("a @$~ b")
            #expect(tokens.map(\.kind) == [.name, .unknown, .name, .end])
            #expect(ParserTests.codes(diagnostics) == ["E0201@1:3"])
            #expect(diagnostics.first?.span.text == "@$~")
        }

        @Test("invisible spaces are reported and skipped; control characters are shown by code")
        func invisibleCharacters() {
            let (tokens, diagnostics) = Self.lex("a\u{00A0}+\u{07}b")
            #expect(tokens.map(\.kind) == [.name, .plus, .unknown, .name, .end])
            #expect(ParserTests.codes(diagnostics) == ["E0201@1:2", "E0201@1:4"])
            #expect(diagnostics.first?.fixIt?.replacement == " ")
            #expect(diagnostics.last?.message.contains("U+0007") == true)
        }

        @Test("a megabyte-long bad token gives a short message")
        func longTokenMessage() {
            let (_, diagnostics) = Self.lex(String(repeating: "@", count: 1_000_000))
            #expect(diagnostics.count == 1)
            #expect((diagnostics.first?.message.count ?? .max) < 100)
        }
    }
}
