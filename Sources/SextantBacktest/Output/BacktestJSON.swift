import SextantCore

/// The `--json` document of a backtest (schema: `docs/json-formats.md`). Keys are snake_case and
/// stable; numbers are the shortest text that reads back as the same double; undefined values are null.
public enum BacktestJSON {
    /// The JSON text of a result.
    public static func encode(_ result: BacktestResult) -> String {
        let stats = result.stats.entries.map { entry -> (String, String) in
            let value: String
            switch entry.value {
            case .number(let number): value = JSONText.number(number)
            case .count(let count): value = String(count)
            case .time(let time): value = JSONText.string(time)
            case .duration(let seconds):
                value = seconds.isNaN ? "null" : JSONText.string(StatValue.pandasDuration(seconds))
            }
            return (entry.key, value)
        }
        let durations = result.stats.entries.compactMap { entry -> (String, String)? in
            guard case .duration(let seconds) = entry.value else { return nil }
            return (entry.key, JSONText.number(seconds))
        }
        var equity: [String] = []
        equity.reserveCapacity(result.time.count)
        let drawdown = result.drawdown
        for index in result.time.indices {
            equity.append(
                JSONText.object([
                    ("time", JSONText.string(UTCTime.iso8601(result.time[index], dateOnly: false))),
                    ("equity", JSONText.number(result.equity[index])),
                    ("drawdown_pct", JSONText.number(drawdown[index] * 100)),
                ]))
        }
        let document: [(String, String)] = [
            ("strategy", JSONText.string(result.strategy)),
            ("file", JSONText.string(result.file)),
            ("params", params(result)),
            ("settings", settings(result)),
            ("bars", String(result.time.count)),
            ("first_decision_bar", String(result.firstDecisionBar)),
            ("stats", JSONText.object(stats)),
            ("duration_seconds", JSONText.object(durations)),
            ("trades", JSONText.array(result.trades.map(trade))),
            ("open_trades", JSONText.array(result.openTrades.map(trade))),
            ("rejections", JSONText.array(result.rejections.map(rejection))),
            ("warnings", JSONText.array(result.warnings.map(JSONText.string))),
            (
                "timings",
                JSONText.object([
                    ("load_seconds", JSONText.number(result.loadSeconds)),
                    ("compute_seconds", JSONText.number(result.computeSeconds)),
                ])
            ),
            ("equity", "[\n" + equity.joined(separator: ",\n") + "\n]"),
        ]
        return "{\n" + document.map { JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}\n"
    }

    /// The `params` object: each param's name and the value the run used.
    public static func params(_ result: BacktestResult) -> String {
        JSONText.object(result.params.map { ($0.name, JSONText.number($0.value)) })
    }

    /// The `settings` object: cash, costs and the fill model the run used.
    public static func settings(_ result: BacktestResult) -> String {
        let settings = result.settings
        return JSONText.object([
            ("cash", JSONText.number(settings.cash)),
            ("commission", JSONText.number(settings.commission.rate)),
            ("commission_fixed", JSONText.number(settings.commission.fixed)),
            ("slippage", JSONText.string(settings.slippage.description)),
            ("spread", JSONText.number(settings.spread)),
            ("fill", JSONText.string(settings.fill.rawValue)),
            ("direction", JSONText.string(settings.direction.rawValue)),
            ("pyramiding", String(settings.pyramiding)),
            ("close_at_end", settings.closeAtEnd ? "true" : "false"),
        ])
    }

    static func trade(_ trade: TradeRecord) -> String {
        JSONText.object([
            ("entry_bar", String(trade.entryBar)),
            ("exit_bar", trade.exitBar.map { String($0) } ?? "null"),
            ("entry_time", JSONText.string(trade.entryTime)),
            ("exit_time", trade.exitTime.map(JSONText.string) ?? "null"),
            ("size", JSONText.number(trade.size)),
            ("entry_price", JSONText.number(trade.entryPrice)),
            ("exit_price", JSONText.number(trade.exitPrice)),
            ("pnl", JSONText.number(trade.pnl)),
            ("return_pct", JSONText.number(trade.returnPct)),
            ("commission", JSONText.number(trade.commission)),
            ("exit_reason", trade.exitReason.map { JSONText.string($0.rawValue) } ?? "null"),
            ("duration_seconds", trade.durationSeconds.map(JSONText.number) ?? "null"),
        ])
    }

    static func rejection(_ record: OrderRejection) -> String {
        JSONText.object([
            ("bar", String(record.bar)),
            ("time", JSONText.string(record.time)),
            ("side", JSONText.string(record.side)),
            ("action", JSONText.string(record.action.rawValue)),
            ("reason", JSONText.string(record.reason.rawValue)),
            ("requested", JSONText.number(record.requested)),
            ("filled", JSONText.number(record.filled)),
        ])
    }
}
