/// The trade table: every closed trade, then the trades still open, with the rows in the middle left
/// out beyond a cap (so a run of 100,000 trades still gives a report of a few megabytes).
enum ReportTradeTable {
    /// Renders the table; when there are more than `2 · keep` rows, the first and last `keep` are shown
    /// with a row saying how many were left out.
    static func html(
        closed: [TradeRecord], open: [TradeRecord], time: [Int64], dateOnly: Bool, keep: Int = 500
    ) -> String {
        let rows =
            closed.enumerated().map { (number: $0.offset + 1, trade: $0.element, isOpen: false) }
            + open.enumerated().map { (number: closed.count + $0.offset + 1, trade: $0.element, isOpen: true) }
        guard !rows.isEmpty else { return "<p class=\"empty\">No trades.</p>" }
        var html = """
            <div class="table-wrap"><table class="trades"><thead><tr>\
            <th>#</th><th>Side</th><th>Entry time</th><th>Exit time</th><th class="num">Bars</th>\
            <th class="num">Size</th><th class="num">Entry price</th><th class="num">Exit price</th>\
            <th class="num">P/L</th><th class="num">Return</th><th class="num">Commission</th><th>Exit reason</th>\
            </tr></thead><tbody>
            """
        html.reserveCapacity(min(rows.count, 2 * keep + 1) * 620)
        let omitted = rows.count > 2 * keep ? rows.count - 2 * keep : 0
        for (index, row) in rows.enumerated() {
            if omitted > 0, index >= keep, index < rows.count - keep {
                if index == keep {
                    html +=
                        "<tr class=\"omitted\"><td colspan=\"12\">… "
                        + ReportFormat.fixed(Double(omitted), decimals: 0)
                    html +=
                        " trades not shown (the first and last \(keep) are; the JSON output has them all) …</td></tr>"
                }
                continue
            }
            html += self.row(number: row.number, trade: row.trade, isOpen: row.isOpen, time: time, dateOnly: dateOnly)
        }
        return html + "</tbody></table></div>"
    }

    private static func row(number: Int, trade: TradeRecord, isOpen: Bool, time: [Int64], dateOnly: Bool) -> String {
        func when(_ bar: Int?, fallback: String?) -> String {
            guard let bar else { return fallback.map(HTMLText.escape) ?? "" }
            return time.indices.contains(bar)
                ? ReportFormat.time(time[bar], dateOnly: dateOnly) : HTMLText.escape(fallback ?? "")
        }
        let isLong = trade.size >= 0
        let tone = trade.pnl > 0 ? "pos" : (trade.pnl < 0 ? "neg" : "")
        let exitBar = trade.exitBar ?? max(0, time.count - 1)
        let bars = trade.exitBar.map { String($0 - trade.entryBar) } ?? String(max(0, exitBar - trade.entryBar))
        let reason = isOpen ? "<span class=\"tag open\">open</span>" : HTMLText.escape(trade.exitReason?.rawValue ?? "")
        var cells = "<td>\(number)</td>"
        cells += "<td><span class=\"tag \(isLong ? "long" : "short")\">\(isLong ? "Long" : "Short")</span></td>"
        cells += "<td>\(when(trade.entryBar, fallback: trade.entryTime))</td>"
        cells += "<td>\(isOpen ? "—" : when(trade.exitBar, fallback: trade.exitTime))</td>"
        cells += "<td class=\"num\">\(bars)</td>"
        cells += "<td class=\"num\">\(ReportFormat.size(trade.size))</td>"
        cells += "<td class=\"num\">\(ReportFormat.price(trade.entryPrice))</td>"
        cells += "<td class=\"num\">\(ReportFormat.price(trade.exitPrice))</td>"
        cells += "<td class=\"num \(tone)\">\(ReportFormat.fixed(trade.pnl))</td>"
        cells += "<td class=\"num \(tone)\">\(ReportFormat.percent(trade.returnPct))</td>"
        cells += "<td class=\"num\">\(ReportFormat.fixed(trade.commission))</td>"
        cells += "<td>\(reason)</td>"
        // The bars let a click on the row zoom the charts onto the trade.
        return "<tr data-e=\"\(trade.entryBar)\" data-x=\"\(exitBar)\">\(cells)</tr>"
    }
}
