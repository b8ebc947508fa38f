// Builds a `StrategyDocument` from a validated `kind: strategy` file (its inline tests are read in
// `DocumentLoader+InlineTests.swift`). Names, params and ranges are the checker's (E0501–E0503): it
// sees the folded values.
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
}
