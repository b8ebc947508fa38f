import Testing

@testable import SextantLanguage

extension ParserTests {
    /// Spans point at the exact bytes of the file, through `ExpressionSource`'s offset map: for a
    /// verbatim slice at an offset, for a quoted scalar whose escapes shift the bytes, and for a
    /// folded scalar spread over several lines.
    @Suite struct Spans {
        /// The 1-based line and column of the first occurrence of `marker` in `text`.
        static func location(of marker: String, in text: String) -> SextantLanguage.SourceLocation? {
            guard let range = text.range(of: marker) else { return nil }
            let before = text[..<range.lowerBound]
            let line = before.count(where: { $0 == "\n" }) + 1
            let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            return SextantLanguage.SourceLocation(
                line: line, column: text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
        }

        /// Every node of a tree, parents before children.
        static func nodes(_ expr: Expr) -> [Expr] {
            var result: [Expr] = []
            var stack = [expr]
            while let node = stack.popLast() {
                result.append(node)
                stack.append(contentsOf: node.children.reversed())
            }
            return result
        }

        static let yaml = """
            kind: strategy
            entry:
              long: crosses_above(fast_ma, slow_ma) and close > 1.5
            """

        @Test("nodes of a verbatim slice point at their bytes in the file")
        func verbatimSlice() throws {
            let file = SourceFile(path: "Strategies/s.yaml", text: Self.yaml)
            let expression = "crosses_above(fast_ma, slow_ma) and close > 1.5"
            let offset = try #require(
                Self.yaml.utf8.firstIndex(of: UInt8(ascii: "c")).map {
                    Self.yaml.utf8.distance(from: Self.yaml.utf8.startIndex, to: $0)
                })
            // The first `c` of the file is the one of `crosses_above` (after "kind: strategy\nentry:\n  long: ").
            #expect(Self.yaml.utf8.dropFirst(offset).starts(with: expression.utf8))
            var bag = DiagnosticBag()
            let expr = ExpressionParser.parse(
                ExpressionSource(verbatim: expression, file: file, fileOffset: offset), into: &bag)
            #expect(bag.isEmpty)
            #expect(expr.span.start == SextantLanguage.SourceLocation(line: 3, column: 9))
            #expect(expr.span.text == Substring(expression))

            let all = Self.nodes(expr)
            var named = 0
            for node in all {
                if case .name(let name) = node.kind {
                    named += 1
                    #expect(node.span.text == Substring(name))
                    #expect(node.span.start == Self.location(of: name, in: Self.yaml))
                }
                if case .call(let callee, _) = node.kind {
                    #expect(callee.span.start == SextantLanguage.SourceLocation(line: 3, column: 9))
                    #expect(node.span.text == "crosses_above(fast_ma, slow_ma)")
                }
                if case .number(let value) = node.kind {
                    #expect(value == 1.5)
                    #expect(node.span.start == Self.location(of: "1.5", in: Self.yaml))
                }
                if case .binary(.greater, _, _) = node.kind { #expect(node.span.text == "close > 1.5") }
            }
            #expect(named == 3)
        }

        @Test("a diagnostic in a slice points at the file line and column")
        func diagnosticInSlice() throws {
            let text = "kind: risk\ncircuit_breakers:\n  - when: drawdown > 10% &&\n"
            let file = SourceFile(path: "Config/risk.yaml", text: text)
            let expression = "drawdown > 10% &&"
            let offset = try #require(text.range(of: expression)).lowerBound.utf16Offset(in: text)
            var bag = DiagnosticBag()
            _ = ExpressionParser.parse(
                ExpressionSource(verbatim: expression, file: file, fileOffset: offset), into: &bag)
            #expect(ParserTests.codes(bag.sorted) == ["E0201@3:26", "E0203@3:28"])
        }

        @Test("escapes in a quoted scalar do not shift the spans after them")
        func quotedScalarSegments() throws {
            // `long: "close\t> open and\x20high"`: the value is "close<TAB>> open and high"; the
            // escapes `\t` (2 bytes) and `\x20` (4 bytes) each produce one value byte.
            let text = #"long: "close\t> open and\x20high""#
            let file = SourceFile(path: "s.yaml", text: text)
            let value = "close\t> open and high"
            let source = ExpressionSource(
                text: value, file: file,
                segments: [
                    .init(valueOffset: 0, fileOffset: 7, length: 5),
                    .init(valueOffset: 6, fileOffset: 14, length: 10),
                    .init(valueOffset: 17, fileOffset: 28, length: 4),
                ])
            var bag = DiagnosticBag()
            let expr = ExpressionParser.parse(source, into: &bag)
            #expect(bag.isEmpty)
            #expect(expr.dump == "(and (> close open) high)")
            #expect(expr.span.range == 7..<32)
            let names = Self.nodes(expr).compactMap { node -> (String, SourceSpan)? in
                if case .name(let name) = node.kind { return (name, node.span) }
                return nil
            }
            #expect(names.map(\.0) == ["close", "open", "high"])
            #expect(names.map { $0.1.start.column } == [8, 17, 29])
            #expect(names.allSatisfy { $0.1.text == Substring($0.0) })
        }

        @Test("errors after escapes point at the right file bytes")
        func errorsAfterEscapes() {
            // `"a\t+\x24 + "`: value "a<TAB>+$ + "; `$` comes from the escape `\x24`.
            let text = #"when: "a\t+\x24 + ""#
            let file = SourceFile(path: "s.yaml", text: text)
            let source = ExpressionSource(
                text: "a\t+$ + ", file: file,
                segments: [
                    .init(valueOffset: 0, fileOffset: 7, length: 1),
                    .init(valueOffset: 2, fileOffset: 10, length: 1),
                    .init(valueOffset: 4, fileOffset: 15, length: 3),
                ])
            var bag = DiagnosticBag()
            _ = ExpressionParser.parse(source, into: &bag)
            // The escaped `$` maps to the end of the run before it: the `\` of `\x24` (column 12).
            // The missing operand is right after the last `+` (column 18), not at the file's end.
            #expect(ParserTests.codes(bag.sorted) == ["E0201@1:12", "E0203@1:18"])
        }

        @Test("a folded multi-line scalar maps each line to its file line")
        func foldedScalar() {
            let text = "entry:\n  long: >\n    sma(close, 20) >\n    sma(close, 50) +\n"
            let file = SourceFile(path: "s.yaml", text: text)
            let line3 = text.utf8.count - "sma(close, 20) >\n    sma(close, 50) +\n".utf8.count
            let line4 = text.utf8.count - "sma(close, 50) +\n".utf8.count
            let source = ExpressionSource(
                text: "sma(close, 20) > sma(close, 50) +", file: file,
                segments: [
                    .init(valueOffset: 0, fileOffset: line3, length: 16),
                    .init(valueOffset: 17, fileOffset: line4, length: 16),
                ])
            var bag = DiagnosticBag()
            let expr = ExpressionParser.parse(source, into: &bag)
            #expect(ParserTests.codes(bag.sorted) == ["E0203@4:21"])
            guard case .binary(.greater, let lhs, let rhs) = expr.kind, case .binary(.add, let call, _) = rhs.kind
            else {
                Issue.record("unexpected tree \(expr.dump)")
                return
            }
            #expect(lhs.span.start == SextantLanguage.SourceLocation(line: 3, column: 5))
            #expect(call.span.start == SextantLanguage.SourceLocation(line: 4, column: 5))
            #expect(call.span.text == "sma(close, 50)")
            #expect(expr.span.start == SextantLanguage.SourceLocation(line: 3, column: 5))
            #expect(expr.span.end == SextantLanguage.SourceLocation(line: 4, column: 21))
        }

        @Test("a parenthesized node's span includes its parentheses; the node inside keeps its own")
        func parenthesesInSpan() {
            let expr = ParserTests.parse("((close > 1)) + 1").expr
            guard case .binary(.add, let lhs, _) = expr.kind, case .binary(.greater, let close, _) = lhs.kind else {
                Issue.record("unexpected tree \(expr.dump)")
                return
            }
            #expect(lhs.span.text == "((close > 1))")
            #expect(close.span.text == "close")
            #expect(expr.span.text == "((close > 1)) + 1")
        }

        @Test("every node span lies within the expression's bytes, for valid and invalid input")
        func spansWithinExpression() {
            let prefix = "key: "
            for expression in ["a + b * (c - d)[1].x", "f(a, b = (c", "x ≥ 1 && $ ? ) :", "if a then", "×"] {
                let file = SourceFile(path: "s.yaml", text: prefix + expression + "\n")
                let source = ExpressionSource(verbatim: expression, file: file, fileOffset: prefix.utf8.count)
                var bag = DiagnosticBag()
                let expr = ExpressionParser.parse(source, into: &bag)
                let bounds = prefix.utf8.count...(prefix.utf8.count + expression.utf8.count)
                for node in Self.nodes(expr) {
                    #expect(bounds.contains(node.span.range.lowerBound) && bounds.contains(node.span.range.upperBound))
                }
                for diagnostic in bag.sorted {
                    #expect(bounds.contains(diagnostic.span.range.lowerBound), "\(diagnostic.message) in \(expression)")
                }
            }
        }
    }
}
