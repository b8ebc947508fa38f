import SextantLanguage

/// The events of a simulated run by bar, as inline tests expect them.
///
/// - `fills.buy`: bars where a fill bought: long entries and short exits (a reversal's close and
///   open at one fill count once). `fills.sell`: short entries and long exits.
/// - `trades.entry`, `trades.exit`: entry and exit bars of closed trades (a trade still open after
///   the last bar shows in `fills.*` only).
/// - `rejections[.reason]`: bars of entry orders refused outright; `shrunk[.reason]`: bars of entry
///   orders filled with fewer units than asked. The bar is the one the check ran on: the signal bar
///   for the risk limits checked at the decision, the fill bar for sizing, cash and `max_position`.
struct InlineTestEvents {
    let result: BacktestResult
    /// The market-stage entry and exit signals by path (`entry.long`…), as 1/0 columns.
    let signals: [(path: String, column: [Double])]

    /// The bars of one event path, sorted, without repeats; nil for signal and `let` paths.
    func bars(_ path: InlineExpectPath) -> [Int]? {
        let trades = result.trades
        var bars: [Int]
        switch path {
        case .signal, .binding:
            return nil
        case .fills(let buy):
            bars = (trades + result.openTrades).filter { ($0.size > 0) == buy }.map(\.entryBar)
            bars += trades.filter { ($0.size < 0) == buy }.compactMap(\.exitBar)
        case .trades(let entry):
            bars = entry ? trades.map(\.entryBar) : trades.compactMap(\.exitBar)
        case .rejections(let reason):
            bars = records(.rejected, reason).map(\.bar)
        case .shrunk(let reason):
            bars = records(.shrunk, reason).map(\.bar)
        }
        return Array(Set(bars)).sorted()
    }

    private func records(_ action: OrderRejection.Action, _ reason: String?) -> [OrderRejection] {
        result.rejections.filter { $0.action == action && (reason == nil || $0.reason.rawValue == reason) }
    }

    /// What happened from the bar before `bar` to `bar` (an order decided at one close fills at the
    /// next open), for a failure message.
    func around(_ bar: Int) -> [String] {
        var lines: [String] = []
        if bar < result.firstDecisionBar {
            lines.append(
                "bars 0 to \(result.firstDecisionBar - 1) are the warm-up: the strategy decides from bar \(result.firstDecisionBar) on"
            )
        }
        for at in [bar - 1, bar] where at >= 0 {
            for signal in signals where at < signal.column.count && signal.column[at] == 1 {
                lines.append("bar \(at): `\(signal.path)` is true")
            }
            for trade in result.trades + result.openTrades {
                let side = trade.size > 0 ? "long" : "short"
                let units = InlineTestInput.format(abs(trade.size))
                if trade.entryBar == at {
                    lines.append(
                        "bar \(at): \(side) entry filled, \(units) units at \(InlineTestInput.format(trade.entryPrice))"
                    )
                }
                if trade.exitBar == at {
                    let reason = trade.exitReason.map { " (\($0.rawValue))" } ?? ""
                    lines.append(
                        "bar \(at): \(side) exit filled, \(units) units at \(InlineTestInput.format(trade.exitPrice))\(reason)"
                    )
                }
            }
            for record in result.rejections where record.bar == at {
                let filled = record.action == .shrunk ? ", filled \(InlineTestInput.format(abs(record.filled)))" : ""
                let requested =
                    record.requested.isNaN ? "" : " (asked \(InlineTestInput.format(abs(record.requested)))\(filled))"
                lines.append(
                    "bar \(at): \(record.side) entry \(record.action.rawValue): \(record.reason.rawValue)\(requested)")
            }
        }
        if lines.isEmpty { lines.append("no signal, fill, trade or rejection at bars \(max(0, bar - 1)) and \(bar)") }
        lines.append(
            result.settings.fill == .nextOpen
                ? "(an order decided at a bar's close fills at the next bar's open)"
                : "(an order fills at the close of the bar that decides it)")
        return lines
    }
}
