import SextantLanguage

/// The static parts of the report: headline figures, statistics, parameters, settings, refused
/// orders and warnings. Every text that comes from the run is escaped here.
enum ReportSections {
    /// The headline cards above the charts.
    static func headline(_ stats: BacktestStats) -> String {
        func card(_ label: String, _ value: String, tone: String = "", note: String = "") -> String {
            let toneClass = tone.isEmpty ? "" : " \(tone)"
            let noteHTML = note.isEmpty ? "" : "<div class=\"kpi-note\">\(note)</div>"
            return "<div class=\"kpi\"><div class=\"kpi-label\">\(label)</div>"
                + "<div class=\"kpi-value\(toneClass)\">\(value)</div>\(noteHTML)</div>"
        }
        func tone(_ value: Double) -> String { value > 0 ? "pos" : (value < 0 ? "neg" : "") }
        // A share such as a win rate: unsigned, unlike a return.
        func share(_ value: Double) -> String { value.isFinite ? ReportFormat.fixed(value) + "%" : "—" }
        let cards = [
            card(
                "Return", ReportFormat.percent(stats.returnPct), tone: tone(stats.returnPct),
                note: "Buy &amp; hold " + ReportFormat.percent(stats.buyHoldReturnPct)),
            card(
                "Final equity", ReportFormat.fixed(stats.equityFinal),
                note: "Peak " + ReportFormat.fixed(stats.equityPeak)),
            card(
                "Return (ann.)", ReportFormat.percent(stats.returnAnnPct), tone: tone(stats.returnAnnPct),
                note: "Volatility " + share(stats.volatilityAnnPct)),
            card(
                "Sharpe", ReportFormat.fixed(stats.sharpe),
                note: "Sortino \(ReportFormat.fixed(stats.sortino)) · Calmar \(ReportFormat.fixed(stats.calmar))"),
            card(
                "Max. drawdown", ReportFormat.percent(stats.maxDrawdownPct), tone: tone(stats.maxDrawdownPct),
                note: "Avg. " + ReportFormat.percent(stats.avgDrawdownPct)),
            card(
                "Trades", ReportFormat.fixed(Double(stats.trades), decimals: 0),
                note: "Win rate " + share(stats.winRatePct)),
            card(
                "Profit factor", ReportFormat.fixed(stats.profitFactor),
                note: "Expectancy " + ReportFormat.percent(stats.expectancyPct)),
            card(
                "Exposure", share(stats.exposureTimePct),
                note: "SQN " + ReportFormat.fixed(stats.sqn)),
        ]
        return "<section class=\"kpis\">" + cards.joined() + "</section>"
    }

    /// Every statistic, labelled as in `BacktestStats.entries`, with its JSON key as a tooltip.
    static func statistics(_ stats: BacktestStats) -> String {
        var rows = ""
        for entry in stats.entries {
            rows += "<tr title=\"\(HTMLText.escape(entry.key))\"><th>\(HTMLText.escape(entry.label))</th>"
            rows += "<td class=\"num\">\(HTMLText.escape(entry.value.text))</td></tr>"
        }
        return "<table class=\"kv\"><tbody>\(rows)</tbody></table>"
    }

    /// The param values of the run.
    static func parameters(_ params: [(name: String, value: Double)]) -> String {
        guard !params.isEmpty else { return "<p class=\"empty\">The strategy has no params.</p>" }
        let rows = params.map {
            "<tr><th><code>\(HTMLText.escape($0.name))</code></th>"
                + "<td class=\"num\">\(ReportFormat.plain($0.value))</td></tr>"
        }
        return "<table class=\"kv\"><tbody>\(rows.joined())</tbody></table>"
    }

    /// The fill and cost model, and facts about the run.
    static func settings(_ result: BacktestResult, time: [Int64], dateOnly: Bool) -> String {
        let settings = result.settings
        var commission: [String] = []
        if settings.commission.rate != 0 { commission.append(ReportFormat.plain(settings.commission.rate * 100) + "%") }
        if settings.commission.fixed != 0 {
            commission.append(ReportFormat.plain(settings.commission.fixed) + " per fill")
        }
        let slippage: String =
            switch settings.slippage {
            case .none: "none"
            case .fixed(let value): ReportFormat.plain(value) + " per unit"
            case .percent(let fraction): ReportFormat.plain(fraction * 100) + "% of the price"
            case .atr(let multiple): ReportFormat.plain(multiple) + " × ATR(14)"
            }
        let fill: String =
            switch settings.fill {
            case .nextOpen: "next bar’s open"
            case .close: "signal bar’s close"
            }
        let direction: String =
            switch settings.direction {
            case .both: "long and short"
            case .long: "long only"
            case .short: "short only"
            }
        var rows: [(String, String)] = [
            ("Initial cash", ReportFormat.fixed(settings.cash)),
            ("Commission", commission.isEmpty ? "none" : commission.joined(separator: " + ")),
            ("Slippage", HTMLText.escape(slippage)),
            ("Spread", settings.spread == 0 ? "none" : ReportFormat.plain(settings.spread * 100) + "%"),
            ("Fills at", fill),
            ("Direction", direction),
            ("Pyramiding", settings.pyramiding <= 1 ? "off" : "up to \(settings.pyramiding) trades per side"),
            ("Close at end", settings.closeAtEnd ? "yes" : "no"),
            ("Bars", ReportFormat.fixed(Double(time.count), decimals: 0)),
        ]
        if time.indices.contains(result.firstDecisionBar) {
            rows.append(
                (
                    "First decision",
                    "bar \(result.firstDecisionBar) · "
                        + ReportFormat.time(time[result.firstDecisionBar], dateOnly: dateOnly)
                ))
        }
        let timings = [("load", result.loadSeconds), ("compute", result.computeSeconds)].filter { $0.1 > 0 }
        if !timings.isEmpty {
            let text = timings.map { "\($0.0) \(ReportFormat.fixed($0.1, decimals: 3)) s" }
            rows.append(("Time", text.joined(separator: " · ")))
        }
        let body = rows.map { "<tr><th>\($0.0)</th><td class=\"num\">\($0.1)</td></tr>" }.joined()
        return "<table class=\"kv\"><tbody>\(body)</tbody></table>"
    }

    /// Refused and shrunk entry orders: counts by reason, then the first `limit` orders.
    static func rejections(_ rejections: [OrderRejection], limit: Int = 100) -> String {
        guard !rejections.isEmpty else { return "<p class=\"empty\">No order was refused or shrunk.</p>" }
        var counts: [RejectionReason: (rejected: Int, shrunk: Int)] = [:]
        for rejection in rejections {
            var count = counts[rejection.reason] ?? (0, 0)
            if rejection.action == .rejected { count.rejected += 1 } else { count.shrunk += 1 }
            counts[rejection.reason] = count
        }
        var html = "<table class=\"grid-table\"><thead><tr><th>Reason</th><th class=\"num\">Refused</th>"
        html += "<th class=\"num\">Shrunk</th></tr></thead><tbody>"
        for reason in RejectionReason.allCases {
            guard let count = counts[reason] else { continue }
            html += "<tr><td><code>\(reason.rawValue)</code></td><td class=\"num\">\(count.rejected)</td>"
            html += "<td class=\"num\">\(count.shrunk)</td></tr>"
        }
        html += "</tbody></table>"
        html += "<details><summary>Orders (\(rejections.count > limit ? "first \(limit) of " : "")"
        html += "\(rejections.count))</summary><table class=\"grid-table small\"><thead><tr><th>Bar</th><th>Time</th>"
        html += "<th>Side</th><th>Action</th><th>Reason</th><th class=\"num\">Asked</th><th class=\"num\">Filled</th>"
        html += "</tr></thead><tbody>"
        for rejection in rejections.prefix(limit) {
            html += "<tr><td>\(rejection.bar)</td><td>\(HTMLText.escape(rejection.time))</td>"
            html += "<td>\(HTMLText.escape(rejection.side))</td><td>\(rejection.action.rawValue)</td>"
            html += "<td><code>\(rejection.reason.rawValue)</code></td>"
            html += "<td class=\"num\">\(ReportFormat.size(rejection.requested))</td>"
            html += "<td class=\"num\">\(ReportFormat.size(rejection.filled))</td></tr>"
        }
        return html + "</tbody></table></details>"
    }

    /// The run's warnings.
    static func warnings(_ warnings: [String]) -> String {
        guard !warnings.isEmpty else { return "<p class=\"empty\">None.</p>" }
        return "<ul class=\"warnings\">" + warnings.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
    }
}
