import Testing

@testable import SextantLanguage

extension ParserTests {
    /// Invalid expressions: every error of an expression in one pass, each with its ID and the
    /// line:column it points at (columns worked out by hand from the input).
    @Suite struct Diagnostics {
        @Test(
            "invalid expressions report exactly these diagnostics",
            arguments: [
                // Missing operands point where the operand should be.
                ("a +", ["E0203@1:4"]),
                ("a + * b", ["E0203@1:4"]),
                ("* 2", ["E0203@1:1"]),
                ("a +\n  * b", ["E0203@1:4"]),
                ("not", ["E0203@1:4"]),
                ("-", ["E0203@1:2"]),
                ("x[]", ["E0203@1:3"]),
                ("()", ["E0203@1:2"]),
                ("f(,)", ["E0203@1:3", "E0203@1:4"]),
                ("f(a,)", ["E0203@1:5"]),
                ("25 % of equity", ["E0203@1:5"]),
                // Unclosed and stray delimiters.
                ("(a", ["E0205@1:3"]),
                ("sma(close, 20", ["E0205@1:14"]),
                ("x[1", ["E0205@1:4"]),
                ("(a]", ["E0205@1:3"]),
                ("x[(a])", ["E0205@1:5", "E0206@1:6"]),
                ("a)", ["E0206@1:2"]),
                (")a", ["E0206@1:1"]),
                ("a) + b]", ["E0206@1:2", "E0206@1:7"]),
                // Chained comparisons point at the second operator.
                ("a < b < c", ["E0207@1:7"]),
                ("a < b < c < d", ["E0207@1:7", "E0207@1:11"]),
                ("0 < x == y", ["E0207@1:7"]),
                // Unexpected tokens.
                ("a = b", ["E0204@1:3"]),
                ("a b", ["E0204@1:3"]),
                ("a b c", ["E0204@1:3", "E0204@1:5"]),
                ("sma(close 20)", ["E0204@1:11"]),
                ("if a then b", ["E0204@1:12"]),
                ("if a else b", ["E0204@1:6"]),
                ("a then b", ["E0204@1:3"]),
                ("a of b of c", ["E0204@1:8"]),
                ("1 + if a then b else c", ["E0204@1:5"]),
                ("a == not b", ["E0204@1:6"]),
                ("(a, b)", ["E0204@1:3"]),
                ("f(a)(b)", ["E0204@1:5"]),
                // Characters, numbers, units, names.
                ("$", ["E0201@1:1"]),
                ("a $ b", ["E0201@1:3"]),
                ("a && b", ["E0201@1:3"]),
                ("a || !b", ["E0201@1:3", "E0201@1:6"]),
                ("c ? a : b", ["E0201@1:3"]),
                ("a ≥ b", ["E0201@1:3"]),
                ("a ** 2", ["E0201@1:3"]),
                ("'abc' > 1", ["E0201@1:1"]),
                ("f(stop: 2)", ["E0201@1:7"]),
                (".5", ["E0202@1:1"]),
                ("5.", ["E0202@1:1"]),
                ("1__0", ["E0202@1:1"]),
                ("1e", ["E0202@1:1"]),
                ("1.2.3", ["E0202@1:1"]),
                ("1e999", ["E0202@1:1"]),
                ("5x", ["E0212@1:2"]),
                ("5bars", ["E0212@1:2"]),
                ("5 bar", ["E0212@1:3"]),
                ("5 m", ["E0212@1:3"]),
                ("3of equity", ["E0212@1:2"]),
                ("x.5", ["E0209@1:3"]),
                ("x.of", ["E0209@1:3"]),
                ("x.", ["E0209@1:3"]),
                ("f(a = 1, b)", ["E0210@1:10"]),
                ("", ["E0211@1:1"]),
                ("   ", ["E0211@1:1"]),
                // Several errors in one pass.
                ("sma(close, 20 > $ and (b +", ["E0201@1:17", "E0203@1:27", "E0205@1:27", "E0205@1:27"]),
                ("close > open and ) or x[", ["E0203@1:17", "E0206@1:18", "E0203@1:25", "E0205@1:25"]),
                ("f(stop: 2, x", ["E0201@1:7", "E0210@1:12", "E0205@1:13"]),
                ("a && (b < c < d) || e +", ["E0201@1:3", "E0207@1:13", "E0201@1:18", "E0203@1:24"]),
                (".5x + 1__0 > )", ["E0212@1:3", "E0202@1:7", "E0203@1:13", "E0206@1:14"]),
            ])
        func invalidExpression(_ text: String, _ expected: [String]) {
            let (expr, diagnostics) = ParserTests.parse(text)
            #expect(ParserTests.codes(diagnostics) == expected, "\(ParserTests.describe(diagnostics))")
            #expect(diagnostics.allSatisfy { $0.severity == .error && DiagnosticID.syntaxIDs.contains($0.id) })
            _ = expr.dump
        }

        @Test("a missing operand is an empty span right after the operator")
        func missingOperandSpan() throws {
            let diagnostic = try #require(ParserTests.parse("close + ").diagnostics.first)
            #expect(diagnostic.id == .expectedExpression)
            #expect(diagnostic.span.range == 7..<7)
            #expect(diagnostic.message.contains("`+`"))
        }

        @Test("an unclosed delimiter has a note at the opener")
        func unclosedNote() throws {
            let diagnostic = try #require(ParserTests.parse("crosses_above(fast, sma(close, 20)").diagnostics.first)
            #expect(diagnostic.id == .unclosedDelimiter)
            #expect(diagnostic.location == SextantLanguage.SourceLocation(line: 1, column: 35))
            let note = try #require(diagnostic.notes.first)
            #expect(note.span?.start == SextantLanguage.SourceLocation(line: 1, column: 14))
            #expect(note.span?.text == "(")
            #expect(diagnostic.fixIt?.replacement == ")")
        }

        @Test("a chained comparison points at the second operator and suggests `and`")
        func chainedComparison() throws {
            let diagnostic = try #require(ParserTests.parse("1 < x < 2").diagnostics.first)
            #expect(diagnostic.id == .chainedComparison)
            #expect(diagnostic.span.text == "<")
            #expect(diagnostic.location == SextantLanguage.SourceLocation(line: 1, column: 7))
            #expect(diagnostic.suggestion?.contains("`1 < x and x < 2`") == true)
        }

        @Test(
            "spellings from other languages suggest the Sextant one",
            arguments: [
                ("a = b", "=", "=="),
                ("a && b", "&&", "and"),
                ("a || b", "||", "or"),
                ("!a", "!", "not"),
                ("a <> b", "<>", "!="),
                ("a => b", "=>", ">="),
                ("a ≤ b", "≤", "<="),
                ("a − b", "−", "-"),
            ])
        func otherLanguageSpellings(_ text: String, _ written: String, _ replacement: String) throws {
            let (expr, diagnostics) = ParserTests.parse(text)
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostics.count == 1)
            #expect(diagnostic.span.text == written)
            #expect(diagnostic.fixIt?.replacement == replacement)
            #expect(diagnostic.suggestion?.contains("`\(replacement)`") == true)
            // Read as meant, so the checker-facing tree has no hole.
            #expect(!expr.dump.contains("invalid"))
        }

        @Test("`?:` suggests `if … then … else` and is read as a conditional")
        func questionColon() throws {
            let (expr, diagnostics) = ParserTests.parse("close > open ? 1 : -1")
            #expect(ParserTests.codes(diagnostics) == ["E0201@1:14"])
            #expect(diagnostics.first?.suggestion?.contains("if condition then a else b") == true)
            #expect(expr.dump == "(if (> close open) 1 (- 1))")
        }

        @Test("a missing comma between arguments has a fix-it inserting it")
        func missingComma() throws {
            let (expr, diagnostics) = ParserTests.parse("sma(close 20)")
            let diagnostic = try #require(diagnostics.first)
            #expect(diagnostic.fixIt?.replacement == ",")
            #expect(diagnostic.fixIt?.span.range == 9..<9)
            #expect(expr.dump == "(call sma close 20)")
        }

        @Test("unparseable parts become invalid nodes and the rest of the tree stays")
        func invalidNodes() {
            #expect(ParserTests.parse("a + * b").expr.dump == "(+ a (* (invalid) b))")
            #expect(ParserTests.parse("sma(close, ) > 1").expr.dump == "(> (call sma close) 1)")
            #expect(ParserTests.parse("a $ b and c").expr.dump == "(and (invalid) c)")
            #expect(ParserTests.parse("x.5 + 1").expr.dump == "(+ (invalid) 1)")
            #expect(ParserTests.parse("a) + b").expr.dump == "(+ a b)")
        }

        @Test("diagnostics go into a bag that already holds others, and respect its limit")
        func bagLimit() {
            var bag = DiagnosticBag(limit: 3)
            let text = Array(repeating: "a $", count: 10).joined(separator: " and ")
            _ = ExpressionParser.parse(ExpressionSource(standalone: text), into: &bag)
            #expect(bag.sorted.count == 3)
            #expect(bag.dropped == 7)
            #expect(bag.hasErrors)
        }
    }
}
