// The sections of a `kind: risk` file (DSL.md §4).
extension DocumentSchema {
    static let riskFields: [SchemaField] = [
        .required("kind", .words(["risk"]), "The document kind."),
        .required("name", .text(.label), "The risk policy's name."),
        .optional(
            "limits",
            .object(
                RiskDocument.limitKeys.map {
                    .optional($0, .expression(.amount), limitDocs[$0] ?? "An account-wide limit.")
                }),
            "Account-wide limits checked before every order of every strategy."),
        .optional(
            "circuit_breakers", .list(.object(circuitBreakerFields)),
            "Conditions that halt or flatten trading, checked at every bar."),
    ]

    static let limitDocs: [String: String] = [
        "max_gross_exposure": "The largest sum of absolute position values, e.g. `150% of equity`.",
        "max_net_exposure": "The largest long-minus-short position value.",
        "max_position_per_symbol": "The largest position value in one symbol, e.g. `25% of equity`.",
        "max_open_positions": "The most positions open at once.",
        "max_order_notional": "The largest value of one order.",
        "max_orders_per_minute": "The most orders sent per minute.",
        "max_daily_loss": "No new entries for the rest of the day past this loss, e.g. `3% of equity`.",
        "max_drawdown": "No new entries past this drawdown from the equity peak.",
    ]

    static let circuitBreakerFields: [SchemaField] = [
        .required(
            "when", .expression(.condition),
            "The condition over account state that trips the breaker, e.g. `drawdown > 10%`."),
        .required(
            "action", .words(CircuitBreaker.Action.allCases.map(\.rawValue)),
            "halt_entries: no new entries (exits and stops still run); flatten: close every position, then halt entries; halt_all: no orders at all."
        ),
    ]
}
