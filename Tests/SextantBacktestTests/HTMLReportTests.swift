import Foundation
import SextantCore
import SextantGraph
import Testing

@testable import SextantBacktest

/// The HTML report is one self-contained, escaped file that shows every trade and statistic and stays
/// small on a million bars.
@Suite struct HTMLReportTests {
    /// Everything a page could fetch from elsewhere.
    static let externalReferences = [
        "http://", "https://", "//cdn", "<script src", "<link", "@import", "url(", "<img", "<iframe", "src=",
    ]

    @Test func smaCrossReportIsSelfContained() throws {
        let (result, data) = try ReportFixtures.smaCross()
        let html = HTMLReport.render(result, data: data)
        for reference in Self.externalReferences {
            #expect(!html.lowercased().contains(reference), "the report references \(reference)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>") && html.contains("id=\"sextant-data\""))
        #expect(html.utf8.count < 1_000_000)
    }

    @Test func smaCrossReportShowsEveryTrade() throws {
        let (result, data) = try ReportFixtures.smaCross()
        try #require(result.trades.count == 93 && result.openTrades.count == 1)
        let html = HTMLReport.render(result, data: data)
        for trade in result.trades {
            let exitBar = try #require(trade.exitBar)
            let row = try #require(rowHTML(html, entryBar: trade.entryBar, exitBar: exitBar))
            #expect(row.contains(String(format: "%.2f", trade.entryPrice)))
            #expect(row.contains(String(format: "%.2f", trade.exitPrice)))
            #expect(row.contains(trade.size > 0 ? ">Long<" : ">Short<"))
            #expect(row.contains(String(trade.entryTime.prefix(10))))
            #expect(row.contains(String(trade.exitTime?.prefix(10) ?? "missing")))
            #expect(row.contains(trade.exitReason?.rawValue ?? "missing"))
        }
        let open = try #require(result.openTrades.first)
        let openRow = try #require(rowHTML(html, entryBar: open.entryBar, exitBar: data.count - 1))
        #expect(openRow.contains(">open<"))
        // The chart marks the same trades, on their bars and at their prices.
        let embedded = try ReportFixtures.embeddedData(html)
        let marked = try #require(embedded["trades"] as? [[Any]])
        #expect(marked.count == 94)
        let entries = Set(marked.compactMap { $0[1] as? Int })
        #expect(entries == Set((result.trades + result.openTrades).map(\.entryBar)))
    }

    @Test func smaCrossReportShowsStatsParamsAndSettings() throws {
        let (result, data) = try ReportFixtures.smaCross()
        let html = HTMLReport.render(result, data: data)
        for entry in result.stats.entries {
            #expect(html.contains("<th>\(escaped(entry.label))</th>"), "missing the label \(entry.label)")
            #expect(html.contains("title=\"\(entry.key)\""))
        }
        #expect(html.contains("Buy &amp; Hold Return [%]"))
        #expect(html.contains("<code>fast</code></th><td class=\"num\">10</td>"))
        #expect(html.contains("<code>slow</code></th><td class=\"num\">20</td>"))
        #expect(html.contains("<th>Commission</th><td class=\"num\">0.2%</td>"))
        #expect(html.contains("<th>Initial cash</th><td class=\"num\">10,000.00</td>"))
        #expect(html.contains("462.64%"), "the headline return")
        for warning in result.warnings { #expect(html.contains(escaped(warning))) }
    }

    @Test func textFromTheRunIsEscaped() {
        var (result, data) = ReportFixtures.synthetic(bars: 200, trades: 3)
        result.strategy = "<script>alert('x')</script> & <b>\"bold\"</b>"
        result.file = "dir/<evil>&.yaml"
        result.params = [("a<b", 1)]
        result.warnings = ["</script><script>alert(1)</script>"]
        result.rejections = [
            OrderRejection(
                bar: 5, time: "<t>", side: "long\"", action: .rejected, reason: .insufficientCash, requested: 3,
                filled: 0)
        ]
        let html = HTMLReport.render(result, data: data)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<evil>"))
        #expect(!html.contains("<b>\"bold\"</b>"))
        #expect(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;&quot;bold&quot;&lt;/b&gt;"))
        #expect(html.contains("dir/&lt;evil&gt;&amp;.yaml"))
        #expect(html.contains("a&lt;b"))
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;t&gt;") && html.contains("long&quot;"))
        // Exactly the two script elements of the report: nothing the text could have opened.
        #expect(html.components(separatedBy: "<script").count == 3)
        #expect(html.components(separatedBy: "</script>").count == 3)
    }

    @Test func notANumberIsNullInTheEmbeddedData() throws {
        var (result, data) = ReportFixtures.synthetic(bars: 50, trades: 2)
        result.equity[10] = .nan
        result.drawdown[10] = .nan
        data.columns[nil]?[.high]?[3] = .infinity
        result.trades[0].pnl = .nan
        let html = HTMLReport.render(result, data: data)
        let embedded = try ReportFixtures.embeddedData(html)
        let equity = try #require(embedded["eq"] as? [Any])
        #expect(equity[10] is NSNull)
        #expect((embedded["dd"] as? [Any])?[10] is NSNull)
        #expect((embedded["h"] as? [Any])?[3] is NSNull)
        #expect((embedded["trades"] as? [[Any]])?.first?[8] is NSNull)
        #expect(!html.contains("nan") && !html.contains("inf,"))
    }

    @Test func millionBarsStayAFewMegabytes() throws {
        let (result, data) = ReportFixtures.synthetic(bars: 1_000_000, trades: 20_000)
        let html = HTMLReport.render(result, data: data)
        #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
        let embedded = try ReportFixtures.embeddedData(html)
        #expect(embedded["n"] as? Int == 1_000_000)
        #expect(embedded["raw"] as? Bool == false)
        let buckets = try #require(embedded["x"] as? [Int])
        #expect(buckets.count == 2400 && buckets.first == 0)
        #expect((embedded["trades"] as? [Any])?.count == 5000)
        #expect(embedded["tradeTotal"] as? Int == 20_000)
        // The table keeps the first and last 500 trades and says how many it left out.
        #expect(html.components(separatedBy: "<tr data-e=").count - 1 == 1000)
        #expect(html.contains("19,000 trades not shown"))
        #expect(rowHTML(html, entryBar: result.trades[0].entryBar, exitBar: result.trades[0].exitBar ?? -1) != nil)
        let lastTrade = try #require(result.trades.last)
        #expect(rowHTML(html, entryBar: lastTrade.entryBar, exitBar: lastTrade.exitBar ?? -1) != nil)
        for reference in Self.externalReferences { #expect(!html.lowercased().contains(reference)) }
    }

    @Test func bucketsKeepTheExtremes() throws {
        let (result, data) = ReportFixtures.synthetic(bars: 100_003, trades: 0)
        let fields = try #require(data.columns[nil])
        let series = ReportSeries(
            time: data.time, fields: fields, equity: result.equity, drawdown: result.drawdown, rawLimit: 1000,
            buckets: 700)
        #expect(!series.isRaw && series.start.count == 700)
        #expect(series.start.first == 0 && series.start.last ?? 0 < 100_003)
        // Each bucket is the candle of its bars, checked against a direct computation.
        for bucket in [0, 1, 350, 699] {
            let first = Int(series.start[bucket])
            let end = bucket + 1 < series.start.count ? Int(series.start[bucket + 1]) : data.count
            let range = first..<end
            #expect(series.open[bucket] == fields[.open]?[first])
            #expect(series.close[bucket] == fields[.close]?[end - 1])
            #expect(series.high[bucket] == fields[.high]?[range].max())
            #expect(series.low[bucket] == fields[.low]?[range].min())
            #expect(series.time[bucket] == data.time[first])
            #expect(series.drawdown[bucket] == result.drawdown[range].max())
            #expect(series.equityHigh[bucket] == result.equity[range].max())
            #expect(series.equity[bucket] == result.equity[end - 1])
        }
        #expect(series.drawdown.max() == result.drawdown.max())
        #expect(series.equityHigh.max() == result.equity.max())
        #expect(series.equityLow.min() == result.equity.min())
        #expect(series.high.max() == fields[.high]?.max())
        let sizes = zip(series.start.dropFirst(), series.start).map { $0 - $1 }
        #expect(Set(sizes).isSubset(of: [142, 143]))
    }

    @Test func aRunWithoutTradesOrParamsRenders() throws {
        var (result, data) = ReportFixtures.synthetic(bars: 30, trades: 0)
        result.params = []
        data.columns[nil]?[.volume] = nil
        let html = HTMLReport.render(result, data: data)
        #expect(html.contains("No trades."))
        #expect(html.contains("The strategy has no params."))
        let embedded = try ReportFixtures.embeddedData(html)
        #expect(embedded["v"] is NSNull)
        #expect((embedded["trades"] as? [Any])?.isEmpty == true)
    }

    @Test func theTradeMarkersKeepTheLargestProfitsAndLosses() {
        let trades = (0..<50).map { index in
            TradeRecord(
                entryBar: index, exitBar: index + 1, entryTimestamp: 0, exitTimestamp: 0, size: 1, entryPrice: 1,
                exitPrice: 1, pnl: Double(index % 2 == 0 ? index : -index), returnPct: 0, commission: 0,
                exitReason: .signal)
        }
        let markers = ReportTrades(closed: trades, open: [trades[0]], limit: 10)
        #expect(markers.total == 51)
        #expect(markers.markers.count == 11)
        #expect(Set(markers.markers.filter { !$0.isOpen }.map(\.number)) == Set(41...50))
        #expect(markers.markers.map(\.record.entryBar) == markers.markers.map(\.record.entryBar).sorted())
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SEXTANT_REPORT_DIR"] != nil))
    func writesReportsForInspection() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SEXTANT_REPORT_DIR"] ?? ".")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (result, data) = try ReportFixtures.smaCross()
        try HTMLReport.render(result, data: data).write(
            to: folder.appendingPathComponent("sma_cross_GOOG.html"), atomically: true, encoding: .utf8)
        let synthetic = ReportFixtures.synthetic(bars: 1_000_000, trades: 20_000, name: "synthetic <1M bars> & co")
        try HTMLReport.render(synthetic.result, data: synthetic.data).write(
            to: folder.appendingPathComponent("synthetic_1M.html"), atomically: true, encoding: .utf8)
        // Edge cases for the script: one bar, and no bar at all.
        for bars in [0, 1] {
            let tiny = ReportFixtures.synthetic(bars: bars, trades: 0, name: "\(bars) bars")
            try HTMLReport.render(tiny.result, data: tiny.data).write(
                to: folder.appendingPathComponent("bars_\(bars).html"), atomically: true, encoding: .utf8)
        }
    }

    private func rowHTML(_ html: String, entryBar: Int, exitBar: Int) -> Substring? {
        guard let start = html.range(of: "<tr data-e=\"\(entryBar)\" data-x=\"\(exitBar)\">"),
            let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
