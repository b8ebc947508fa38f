/// The text summary `sextant backtest` prints: the statistics as Backtesting.py prints them, then the
/// params, refused orders and warnings.
public enum BacktestSummary {
    /// The summary text.
    public static func render(_ result: BacktestResult) -> String {
        var lines: [String] = []
        lines.append("\(result.strategy)  (\(result.file), \(result.time.count) bars)")
        if !result.params.isEmpty {
            lines.append(
                "params: " + result.params.map { "\($0.name)=\(StatValue.format($0.value))" }.joined(separator: " "))
        }
        lines.append("")
        let entries = result.stats.entries
        let width = (entries.map(\.label.count).max() ?? 0) + 2
        for entry in entries {
            lines.append(entry.label.padding(to: width) + entry.value.text)
        }
        if !result.rejections.isEmpty {
            var counts: [(RejectionReason, OrderRejection.Action, Int)] = []
            for reason in RejectionReason.allCases {
                for action in [OrderRejection.Action.rejected, .shrunk] {
                    let count = result.rejections.count { $0.reason == reason && $0.action == action }
                    if count > 0 { counts.append((reason, action, count)) }
                }
            }
            lines.append("")
            lines.append(
                "orders refused or shrunk: "
                    + counts.map { "\($0.2) \($0.1.rawValue) (\($0.0.rawValue))" }.joined(separator: ", "))
        }
        for warning in result.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
