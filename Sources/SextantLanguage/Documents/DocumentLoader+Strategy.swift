// Builds a `StrategyDocument` from a validated `kind: strategy` file, and checks the structure of
// its inline tests (E0504). Names, params and ranges are the checker's (E0501–E0503): it sees the
// folded values.
extension DocumentLoader {
    static func strategy(from root: SchemaMapping, file: SourceFile, into diagnostics: inout DiagnosticBag)
        -> StrategyDocument
    {
        var document = StrategyDocument(
            file: file, name: root["name"]?.text ?? fallbackName(for: file, at: root.keySpan))
        document.description = root["description"]?.text?.value
        document.symbols = symbols(root["symbols"])
        document.timeframe = root["timeframe"]?.timeframe
        for entry in root["params"]?.mapping?.entries ?? [] {
            if let param = param(entry) { document.params.append(param) }
        }
        for entry in root["let"]?.mapping?.entries ?? [] {
            guard let value = entry.value.expression else { continue }
            document.lets.append(LetDeclaration(name: entry.key.value, nameSpan: entry.key.span, value: value))
        }
        document.entry = signals(root["entry"]?.mapping)
        document.exit = signals(root["exit"]?.mapping)
        document.size = root["size"]?.expression
        if let stops = root["stops"]?.mapping {
            document.stops.loss = stops["loss"]?.expression
            document.stops.trailing = stops["trailing"]?.expression
            document.stops.takeProfit = stops["take_profit"]?.expression
            document.stops.maxBars = stops["max_bars"]?.expression
        }
        if let risk = root["risk"]?.mapping {
            document.risk.maxPosition = risk["max_position"]?.expression
            document.risk.maxDailyLoss = risk["max_daily_loss"]?.expression
            document.risk.maxDrawdown = risk["max_drawdown"]?.expression
            document.risk.cooldown = risk["cooldown"]?.expression
            document.risk.maxTradesPerDay = risk["max_trades_per_day"]?.expression
        }
        if let orders = root["orders"]?.mapping {
            if let fill = orders["fill"]?.text.flatMap({ OrdersSection.Fill(rawValue: $0.value) }) {
                document.orders.fill = fill
            }
            if let direction = orders["direction"]?.text.flatMap({ OrdersSection.Direction(rawValue: $0.value) }) {
                document.orders.direction = direction
            }
            if let pyramiding = orders["pyramiding"]?.integer { document.orders.pyramiding = pyramiding.value }
        }
        var tests: [InlineTest] = []
        for item in root["tests"]?.list ?? [] {
            guard let mapping = item.mapping, let test = inlineTest(mapping, in: document, into: &diagnostics) else {
                continue
            }
            tests.append(test)
        }
        document.tests = tests
        return document
    }

    private static func symbols(_ value: SchemaValue?) -> [SymbolDeclaration] {
        switch value {
        case .list(let items, _):
            return items.compactMap(\.text).map { SymbolDeclaration(alias: $0.value, symbol: $0.value, span: $0.span) }
        case .mapping(let aliases):
            return aliases.entries.compactMap { entry in
                entry.value.text.map {
                    SymbolDeclaration(alias: entry.key.value, symbol: $0.value, span: entry.key.span)
                }
            }
        default:
            return []
        }
    }

    private static func param(_ entry: SchemaEntry) -> ParamDeclaration? {
        if let value = entry.value.expression {
            return ParamDeclaration(name: entry.key.value, nameSpan: entry.key.span, value: value)
        }
        guard let object = entry.value.mapping, let value = object["value"]?.expression else { return nil }
        let range = object["range"].flatMap { range -> Located<[Double]>? in
            guard let items = range.list else { return nil }
            return Located(items.compactMap(\.number).map(\.value), span: range.span)
        }
        return ParamDeclaration(
            name: entry.key.value, nameSpan: entry.key.span, value: value, range: range, doc: object["doc"]?.text?.value
        )
    }

    private static func signals(_ mapping: SchemaMapping?) -> SignalSection {
        SignalSection(long: mapping?["long"]?.expression, short: mapping?["short"]?.expression)
    }

    /// One `tests:` item; structural problems the schema cannot see are E0504.
    private static func inlineTest(
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
                if let first = barCount, first.count != values.count {
                    malformed(
                        "`\(entry.key.value)` has \(values.count) values but `\(first.column.value)` has \(first.count): every column of a test has one value per bar",
                        at: span,
                        notes: [Diagnostic.Note("`\(first.column.value)` is given here", at: first.column.span)])
                } else if barCount == nil {
                    barCount = (values.count, entry.key)
                }
                test.bars.append((entry.key, Located(.values(values), span: span)))
            case .text(let notation):
                test.bars.append((entry.key, Located(.notation(notation.value), span: notation.span)))
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
            guard case .list(let items, let span) = entry.value else { continue }
            guard isDefined(entry.key.value, in: document) else {
                malformed(
                    "`\(entry.key.value)` is not defined in this strategy, so the test cannot expect it",
                    at: entry.key.span)
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

    /// True when a test's signal path names something the strategy defines.
    private static func isDefined(_ path: String, in document: StrategyDocument) -> Bool {
        switch path {
        case "entry.long": document.entry.long != nil
        case "entry.short": document.entry.short != nil
        case "exit.long": document.exit.long != nil
        case "exit.short": document.exit.short != nil
        default: document.lets.contains { "let.\($0.name)" == path }
        }
    }
}
