// The sections of a `kind: strategy` file (DSL.md §2).
extension DocumentSchema {
    static let strategyFields: [SchemaField] = [
        .required("kind", .words(["strategy"]), "The document kind."),
        .required("name", .text(.label), "The strategy's name, used in reports, the store and metrics."),
        .optional("description", .text(.prose), "What the strategy does, for people."),
        .optional(
            "symbols", .oneOf([.list(.text(.symbol)), .map(keys: .identifier, values: .text(.symbol))]),
            "The symbols it trades or reads: a list (`[GOOG]`) or a map of aliases to symbols (`{btc: BTC/USDT}`, used as `btc.close`). Absent: the symbol the run is given."
        ),
        .optional("timeframe", .timeframe, default: .text("1d"), "The bar length: a whole number and s, m, h, d or w."),
        .optional(
            "params", .map(keys: .identifier, values: .oneOf([.expression(.constant), .object(paramFields)])),
            "Values fixed for a run and swept by the optimizer: `name: 10`, or `name: {value: 10, range: [5, 50, 5], doc: …}`."
        ),
        .optional(
            "let", .map(keys: .identifier, values: .expression(.any)),
            "Named expressions usable by every other expression; they may refer to each other in any order, but not in a cycle."
        ),
        .optional("entry", .object(signalFields(verb: "Opens")), "Entry signals, evaluated at each bar's close."),
        .optional(
            "exit", .object(signalFields(verb: "Closes")),
            "Exit signals. Absent: a position closes only on the opposite entry or a stop."),
        .optional(
            "size", .expression(.size),
            "The size of an entry. Absent: as many whole units as the available cash buys after commission."),
        .optional("stops", .object(stopFields), "Stops, as distances from the entry price."),
        .optional(
            "risk", .object(strategyRiskFields), "The strategy's own limits, on top of the account-wide risk file."),
        .optional("orders", .object(orderFields), "Overrides of the default order semantics."),
        .optional("tests", .list(.object(inlineTestFields)), "Inline unit tests, run by `sextant test`."),
    ]

    static let paramFields: [SchemaField] = [
        .required("value", .expression(.constant), "The default value."),
        .optional(
            "range", .list(.number(.numberOrPercent), count: 3...3),
            "[start, stop, step] swept by the optimizer; start ≤ value ≤ stop."),
        .optional("doc", .text(.prose), "What the param means."),
    ]

    static func signalFields(verb: String) -> [SchemaField] {
        [
            .optional("long", .expression(.condition), "\(verb) a long position on the bars where it is true."),
            .optional("short", .expression(.condition), "\(verb) a short position on the bars where it is true."),
        ]
    }

    static let stopFields: [SchemaField] = [
        .optional("loss", .expression(.distance), "Stop-loss distance below (long) or above (short) the entry price."),
        .optional("trailing", .expression(.distance), "Trailing-stop distance from the best price since entry."),
        .optional("take_profit", .expression(.distance), "Take-profit distance in the position's favour."),
        .optional("max_bars", .expression(.duration), "The most bars a trade is held."),
    ]

    static let strategyRiskFields: [SchemaField] = [
        .optional("max_position", .expression(.amount), "The largest position, e.g. `25% of equity`."),
        .optional(
            "max_daily_loss", .expression(.amount),
            "No new entries for the rest of the day past this loss, e.g. `3% of equity`."),
        .optional(
            "max_drawdown", .expression(.amount), "No new entries past this drawdown from the equity peak, e.g. `20%`."),
        .optional(
            "cooldown", .expression(.duration), "Time to wait after a losing exit before the next entry, e.g. `5 bars`."
        ),
        .optional("max_trades_per_day", .expression(.number), "The most entries per day."),
    ]

    static let orderFields: [SchemaField] = [
        .optional(
            "fill", .words(OrdersSection.Fill.allCases.map(\.rawValue)),
            default: .text(OrdersSection.Fill.nextOpen.rawValue),
            "When a signal's order fills: at the next bar's open, or at the signal bar's close."),
        .optional(
            "direction", .words(OrdersSection.Direction.allCases.map(\.rawValue)),
            default: .text(OrdersSection.Direction.both.rawValue),
            "Which sides may be traded."),
        .optional(
            "pyramiding", .integer(minimum: 1), default: .integer(1),
            "The most entries in one direction; 1 means an entry while a position in the same direction is open is ignored."
        ),
    ]

    static let inlineTestFields: [SchemaField] = [
        .required("name", .text(.prose), "What the test checks."),
        .required(
            "bars", .map(keys: .barColumn, values: .oneOf([.list(.number(.barValue)), .text(.notation)])),
            "Input bars: a column to its values, as a list (`na` for a missing value) or promtool's expanding notation (`\"100+1x30 130-2x5 _x3\"`: 100 up to 130, 130 down to 120 by 2, then 3 missing bars)."
        ),
        .optional("params", .map(keys: .identifier, values: .number(.numberOrPercent)), "Param values for this test."),
        .required(
            "expect", .map(keys: .signalPath, values: .list(.integer(minimum: 0))),
            "A signal (`entry.long`, `let.name`) or an event of the simulated run (`fills.buy`, `trades.exit`, `rejections.cooldown`…) to the bar indexes, from 0, where it must be true or happen."
        ),
    ]
}
