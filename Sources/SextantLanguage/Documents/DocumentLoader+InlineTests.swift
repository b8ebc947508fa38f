// Reads the `tests:` items of a strategy file and checks what the schema cannot see (E0504): the bar
// notation item by item, columns of one length, expected bars within the bars, param overrides and
// expected signals the strategy declares, alias columns of declared aliases. Whether an expected `let`
// is a condition, and whether a signal can be evaluated outside the simulation, needs types and
// stages: that is the checker's (`StrategyCheck+InlineTests.swift`).
extension DocumentLoader {
    /// One `tests:` item; structural problems the schema cannot see are E0504.
    static func inlineTest(
        _ mapping: SchemaMapping, in document: StrategyDocument, into diagnostics: inout DiagnosticBag
    ) -> InlineTest? {
        guard let name = mapping["name"]?.text else { return nil }
        var test = InlineTest(name: name, span: mapping.span)
        func malformed(_ message: String, at span: SourceSpan, notes: [Diagnostic.Note] = [], suggestion: String? = nil)
        {
            diagnostics.report(Diagnostic(.invalidInlineTest, message, at: span, notes: notes, suggestion: suggestion))
        }
        let aliases = Set(document.symbols.map(\.alias))
        var barCount: (count: Int, column: Located<String>)?
        /// Every column of a test has one value per bar: the first column sets the count.
        func measure(_ count: Int, _ what: String, of column: Located<String>, at span: SourceSpan) {
            if let first = barCount, first.count != count {
                malformed(
                    "`\(column.value)` \(what) \(count) values but `\(first.column.value)` has \(first.count): every column of a test has one value per bar",
                    at: span,
                    notes: [Diagnostic.Note("`\(first.column.value)` is given here", at: first.column.span)])
            } else if barCount == nil {
                barCount = (count, column)
            }
        }
        for entry in mapping["bars"]?.mapping?.entries ?? [] {
            let parts = entry.key.value.split(separator: ".")
            if parts.count == 2, !aliases.contains(String(parts[0])) {
                malformed(
                    "`\(parts[0])` is not a symbol alias of this strategy", at: entry.key.span,
                    suggestion: Suggestion.closest(to: String(parts[0]), in: aliases).map { "did you mean `\($0)`?" })
                continue
            }
            switch entry.value {
            case .list(let items, let span):
                let values = items.compactMap(\.number).map(\.value)
                measure(values.count, "has", of: entry.key, at: span)
                test.bars.append((entry.key, Located(.values(values), span: span)))
            case .notation(let source):
                let expansion = BarNotation.expand(source.text)
                for error in expansion.errors {
                    malformed(error.message, at: source.span(error.range), suggestion: error.suggestion)
                }
                guard expansion.errors.isEmpty else { continue }
                measure(expansion.values.count, "expands to", of: entry.key, at: source.wholeSpan)
                test.bars.append((entry.key, Located(.notation(source.text), span: source.wholeSpan)))
            default:
                continue
            }
        }
        let params = document.params.map(\.name)
        for entry in mapping["params"]?.mapping?.entries ?? [] {
            guard let value = entry.value.number else { continue }
            guard params.contains(entry.key.value) else {
                malformed(
                    "`\(entry.key.value)` is not a param of this strategy", at: entry.key.span,
                    suggestion: Suggestion.closest(to: entry.key.value, in: params).map { "did you mean `\($0)`?" })
                continue
            }
            test.params.append((entry.key, value))
        }
        for entry in mapping["expect"]?.mapping?.entries ?? [] {
            // A key the schema refused was reported (E0107) and left out of the mapping.
            guard case .list(let items, let span) = entry.value, let path = InlineExpectPath(entry.key.value) else {
                continue
            }
            guard isDefined(path, in: document) else {
                let defined = definedPaths(in: document)
                malformed(
                    "`\(entry.key.value)` is not defined in this strategy, so the test cannot expect it",
                    at: entry.key.span,
                    suggestion: Suggestion.closest(to: entry.key.value, in: defined).map { "did you mean `\($0)`?" })
                continue
            }
            let indexes = items.compactMap(\.integer)
            if let bars = barCount {
                for index in indexes where index.value >= bars.count {
                    malformed(
                        "bar \(index.value) is past the test's last bar: it has \(bars.count) bars, indexes 0 to \(max(0, bars.count - 1))",
                        at: index.span)
                }
            }
            test.expect.append((entry.key, Located(indexes.map(\.value), span: span)))
        }
        return test
    }

    /// True when a test's path names something the strategy defines. Simulation events always exist:
    /// "no fills" is a valid expectation of any strategy.
    private static func isDefined(_ path: InlineExpectPath, in document: StrategyDocument) -> Bool {
        switch path {
        case .signal(let entry, let long):
            let section = entry ? document.entry : document.exit
            return (long ? section.long : section.short) != nil
        case .binding(let name):
            return document.lets.contains { $0.name == name }
        case .fills, .trades, .rejections, .shrunk:
            return true
        }
    }

    /// The signal and `let` paths a test of `document` can expect, for did-you-mean suggestions.
    private static func definedPaths(in document: StrategyDocument) -> [String] {
        let signals = InlineExpectPath.fixedPaths.compactMap(InlineExpectPath.init).filter {
            if case .signal = $0 { return isDefined($0, in: document) }
            return false
        }
        return signals.map(\.description) + document.lets.map { "let.\($0.name)" }
    }
}
