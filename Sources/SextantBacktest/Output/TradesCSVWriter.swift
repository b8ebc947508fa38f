/// `--trades out.csv`: one row per closed trade, then the open ones (empty exit fields), with the
/// columns of the JSON `trades[]` objects.
public enum TradesCSVWriter {
    /// The header.
    public static let columns = [
        "entry_bar", "exit_bar", "entry_time", "exit_time", "size", "entry_price", "exit_price", "pnl", "return_pct",
        "commission", "exit_reason", "duration_seconds",
    ]

    /// The CSV text.
    public static func csv(_ result: BacktestResult) -> String {
        csv(closed: result.trades, open: result.openTrades)
    }

    /// The CSV text of closed trades, then open ones.
    public static func csv(closed: [TradeRecord], open: [TradeRecord]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for trade in closed + open {
            let fields: [String] = [
                String(trade.entryBar), trade.exitBar.map { String($0) } ?? "", trade.entryTime, trade.exitTime ?? "",
                number(trade.size), number(trade.entryPrice), number(trade.exitPrice), number(trade.pnl),
                number(trade.returnPct), number(trade.commission), trade.exitReason?.rawValue ?? "",
                trade.durationSeconds.map(number) ?? "",
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? JSONText.number(value) : ""
    }
}
