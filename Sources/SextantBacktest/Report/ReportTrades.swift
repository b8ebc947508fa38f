/// The trades the price and trade-return charts mark, each on its exact entry and exit bar and price.
///
/// Every trade is marked up to `limit`. Beyond that the markers would cover the chart (and weigh
/// megabytes), so the `limit` closed trades with the largest absolute P/L are kept, plus every open
/// trade; the trade table and the statistics still count them all.
struct ReportTrades {
    /// One marked trade.
    struct Marker {
        /// The trade's number in the trade table (1-based over closed trades, then open ones).
        var number: Int
        var record: TradeRecord
        var isOpen: Bool
    }

    /// The marked trades, by entry bar.
    var markers: [Marker]
    /// Closed plus open trades of the run.
    var total: Int

    /// Selects the trades to mark.
    init(closed: [TradeRecord], open: [TradeRecord], limit: Int = 5000) {
        total = closed.count + open.count
        var chosen = closed.enumerated().map { Marker(number: $0.offset + 1, record: $0.element, isOpen: false) }
        if chosen.count > limit {
            chosen.sort { abs($0.record.pnl) > abs($1.record.pnl) }
            chosen.removeSubrange(limit...)
        }
        chosen += open.enumerated().map {
            Marker(number: closed.count + $0.offset + 1, record: $0.element, isOpen: true)
        }
        chosen.sort { ($0.record.entryBar, $0.number) < ($1.record.entryBar, $1.number) }
        markers = chosen
    }

    /// The JSON members (without braces): `trades` as rows
    /// `[number, entryBar, exitBar, entryTime, exitTime, entryPrice, exitPrice, size, pnl, returnPct, reason, open]`
    /// (times in epoch seconds, `exitBar` of an open trade the last bar, `reason` an index into `reasons`),
    /// and `tradeTotal`.
    func jsonMembers(time: [Int64]) -> String {
        let reasons = ExitReason.allCases
        let lastBar = max(0, time.count - 1)
        func timeOf(_ bar: Int) -> String { time.indices.contains(bar) ? String(time[bar]) : "null" }
        var rows: [String] = []
        rows.reserveCapacity(markers.count)
        for marker in markers {
            let trade = marker.record
            let exitBar = trade.exitBar ?? lastBar
            let reason = trade.exitReason.flatMap { reasons.firstIndex(of: $0) }.map { String($0) } ?? "null"
            let fields = [
                String(marker.number), String(trade.entryBar), String(exitBar), timeOf(trade.entryBar),
                timeOf(exitBar), ReportJSON.number(trade.entryPrice), ReportJSON.number(trade.exitPrice),
                ReportJSON.number(trade.size), ReportJSON.number(trade.pnl), ReportJSON.number(trade.returnPct),
                reason, marker.isOpen ? "1" : "0",
            ]
            rows.append("[" + fields.joined(separator: ",") + "]")
        }
        let names = reasons.map { ReportJSON.string($0.rawValue) }.joined(separator: ",")
        return "\"trades\":[" + rows.joined(separator: ",") + "],\"tradeTotal\":\(total),\"reasons\":[\(names)]"
    }
}
