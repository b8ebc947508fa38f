import Foundation
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// `Strategies/sma_cross.yaml` on GOOG against Backtesting.py 0.6.6 runs of the same SmaCross under the
/// settings Sextant models identically (`Reference/backtesting_variants_GOOG.json`, written by
/// `scripts/reference/backtest_reference.py`): fill on close (`trade_on_close`), a spread, a fixed plus
/// relative commission, closing the open trade at the end (`finalize_trades`), a large account without
/// commission, and other SMA lengths. Each variant's settings are read from the reference file itself and
/// mapped onto `BacktestSettings`; every trade (bars, sizes, prices, P&L), the equity curve (1e-9) and
/// every statistic (1e-6) must match.
///
/// Sextant's documented departures from Backtesting.py (docs/decisions.md, D14) that these variants
/// meet are accounted for explicitly, never by a looser tolerance:
/// - `finalize_trades`: `closeAtEnd` closes the trade still open at the last bar's **close**,
///   Backtesting.py at its **open** (after the last `next()` it queues a close order per trade and runs
///   its broker once more on the last bar). The tests check that this exit price is the only
///   difference; `finalize_trades_at_close` (the same run on GOOG whose last bar opens at its close,
///   which moves Backtesting.py's fill to Sextant's) is then compared whole, statistics included.
/// - `trade_on_close`: with fill on close Sextant also fills an order decided on the last bar, which
///   Backtesting.py never fills; SmaCross decides nothing on GOOG's last bar, and a test keeps it so.
@Suite struct BacktestingPyVariantTests {
    static let variants = [
        "trade_on_close", "spread", "commission_fixed", "finalize_trades", "finalize_trades_at_close",
        "cash_1m_no_fees", "fast5_slow30",
    ]

    /// The variant whose end-of-data exit Sextant fills at the last close instead of the last open.
    static let closeAtEndDeparture = "finalize_trades"

    /// The statistics the end-of-data exit price does not move (bars, counts, calendar).
    static let statisticsIndependentOfTheLastExitPrice: Set<String> = [
        "exposure_time_pct", "buy_hold_return_pct", "trades",
    ]

    static let durationStatistics = [
        ("Duration", "duration"), ("Max. Drawdown Duration", "max_drawdown_duration"),
        ("Avg. Drawdown Duration", "avg_drawdown_duration"), ("Max. Trade Duration", "max_trade_duration"),
        ("Avg. Trade Duration", "avg_trade_duration"),
    ]

    /// The reference file (read on each use: a `[String: Any]` cannot be a shared constant).
    static var reference: [String: Any] {
        guard let url = BacktestFixtures.referenceFolder?.appendingPathComponent("backtesting_variants_GOOG.json"),
            let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    /// One variant of the reference file, and Sextant's run with the same settings.
    struct Run {
        var reference: [String: Any]
        var result: BacktestResult
        var settings: BacktestSettings

        var stats: [String: Any] { reference["stats"] as? [String: Any] ?? [:] }
    }

    /// Maps the variant's Backtesting.py settings onto `BacktestSettings` and runs `sma_cross.yaml` on the
    /// unmodified GOOG bars.
    static func run(_ name: String) throws -> Run {
        let variants = try #require(reference["variants"] as? [String: Any], "the reference file is missing")
        let variant = try #require(variants[name] as? [String: Any], "no variant \(name)")
        let given = try #require(variant["settings"] as? [String: Any])
        // Settings Sextant has no counterpart of must be Backtesting.py's defaults.
        #expect(given["margin"] as? Double == 1)
        #expect(given["hedging"] as? Bool == false)
        #expect(given["exclusive_orders"] as? Bool == false)

        let strategy = try BacktestFixtures.strategy("Strategies/sma_cross.yaml")
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.cash = try #require(given["cash"] as? Double)
        if let rate = given["commission"] as? Double {
            settings.commission = Commission(rate: rate)
        } else {
            // Backtesting.py's `commission=(fixed, relative)`.
            let pair = try #require(given["commission"] as? [Double])
            try #require(pair.count == 2)
            settings.commission = Commission(rate: pair[1], fixed: pair[0])
        }
        settings.spread = try #require(given["spread"] as? Double)
        settings.fill = try #require(given["trade_on_close"] as? Bool) ? .close : .nextOpen
        settings.closeAtEnd = try #require(given["finalize_trades"] as? Bool)

        let params = try #require(variant["params"] as? [String: Double])
        let result = Backtester.run(
            strategy, data: MarketData(BacktestFixtures.goog),
            params: ["fast": try #require(params["n1"]), "slow": try #require(params["n2"])], settings: settings)
        return Run(reference: variant, result: result, settings: settings)
    }

    static var lastBar: Int { BacktestFixtures.goog.count - 1 }
    static var lastOpen: Double { BacktestFixtures.goog.open.last ?? .nan }
    static var lastClose: Double { BacktestFixtures.goog.close.last ?? .nan }

    /// Backtesting.py's trade re-priced to exit at Sextant's end-of-data price, the last close: P&L,
    /// commission and return follow from the entry, the size and the commission model.
    static func repricedAtTheLastClose(_ theirs: [String: Any], settings: BacktestSettings) -> [String: Any] {
        var trade = theirs
        let size = theirs["Size"] as? Double ?? .nan
        let entry = theirs["EntryPrice"] as? Double ?? .nan
        let exit = lastClose
        let fees = settings.commission.of(units: size, price: entry) + settings.commission.of(units: size, price: exit)
        trade["ExitPrice"] = exit
        trade["PnL"] = size * (exit - entry) - fees
        trade["Commission"] = fees
        trade["ReturnPct"] = (size > 0 ? 1 : -1) * (exit / entry - 1) - fees / (abs(size) * entry)
        return trade
    }

    @Test func referenceFileIsComplete() throws {
        let versions = try #require(Self.reference["versions"] as? [String: Any])
        #expect(versions["backtesting"] as? String == "0.6.6")
        let variants = try #require(Self.reference["variants"] as? [String: Any])
        #expect(Set(variants.keys) == Set(Self.variants))
        #expect(Self.reference["bars"] as? Int == BacktestFixtures.goog.count)
        // The one edited input: the last bar's open set to its close, for `finalize_trades_at_close` only.
        for name in Self.variants {
            let change = (variants[name] as? [String: Any])?["data_change"] as? [String: Any]
            if name == "finalize_trades_at_close" {
                #expect(change?["bar"] as? Int == Self.lastBar)
                #expect(change?["column"] as? String == "Open")
                #expect(change?["from"] as? Double == Self.lastOpen)
                #expect(change?["to"] as? Double == Self.lastClose)
            } else {
                #expect(change == nil, "\(name) runs on edited data")
            }
        }
    }

    @Test(arguments: variants)
    func sameClosedTrades(_ name: String) throws {
        let run = try Self.run(name)
        var trades = try #require(run.reference["trades"] as? [[String: Any]])
        try #require(!trades.isEmpty)
        if name == Self.closeAtEndDeparture {
            // The departure: Backtesting.py closed the last trade at the last open, Sextant at the close.
            let last = try #require(trades.last)
            #expect(last["ExitBar"] as? Int == Self.lastBar)
            #expect(last["ExitPrice"] as? Double == Self.lastOpen)
            #expect(run.result.trades.last?.exitReason == .end)
            #expect(run.result.trades.last?.exitPrice == Self.lastClose)
            trades[trades.count - 1] = Self.repricedAtTheLastClose(last, settings: run.settings)
        }
        #expect(run.result.trades.count == trades.count, "\(name): trade count")
        for (index, (ours, theirs)) in zip(run.result.trades, trades).enumerated() {
            let tag = "\(name) trade \(index)"
            #expect(ours.size == theirs["Size"] as? Double, "\(tag): size")
            #expect(ours.entryBar == theirs["EntryBar"] as? Int, "\(tag): entry bar")
            #expect(ours.exitBar == theirs["ExitBar"] as? Int, "\(tag): exit bar")
            #expect(close(ours.entryPrice, theirs["EntryPrice"] as? Double ?? .nan), "\(tag): entry price")
            #expect(close(ours.exitPrice, theirs["ExitPrice"] as? Double ?? .nan), "\(tag): exit price")
            #expect(close(ours.pnl, theirs["PnL"] as? Double ?? .nan), "\(tag): PnL")
            #expect(close(ours.commission, theirs["Commission"] as? Double ?? .nan), "\(tag): commission")
            #expect(close(ours.returnPct / 100, theirs["ReturnPct"] as? Double ?? .nan), "\(tag): return")
            #expect(ours.entryTime.hasPrefix(String((theirs["EntryTime"] as? String ?? "").prefix(10))))
            #expect(ours.exitTime?.hasPrefix(String((theirs["ExitTime"] as? String ?? "").prefix(10))) == true)
        }
    }

    @Test(arguments: variants)
    func sameOpenTradesAtTheEnd(_ name: String) throws {
        let run = try Self.run(name)
        let open = try #require(run.reference["open_trades_at_end"] as? [[String: Any]])
        #expect(run.result.openTrades.count == open.count, "\(name): open trades")
        for (ours, theirs) in zip(run.result.openTrades, open) {
            #expect(ours.size == theirs["size"] as? Double)
            #expect(ours.entryBar == theirs["entry_bar"] as? Int)
            #expect(close(ours.entryPrice, theirs["entry_price"] as? Double ?? .nan))
        }
    }

    @Test(arguments: variants)
    func sameEquityCurve(_ name: String) throws {
        let run = try Self.run(name)
        let curve = try #require(run.reference["equity_curve"] as? [String: Any])
        var equity = try #require(curve["Equity"] as? [Double])
        var drawdown = try #require(curve["DrawdownPct"] as? [Double])
        try #require(equity.count == run.result.equity.count)
        if name == Self.closeAtEndDeparture {
            // The departure moves only the last bar: the closed trade's cash differs by its P&L and exit
            // fee between the last open and the last close.
            let trades = try #require(run.reference["trades"] as? [[String: Any]])
            let last = try #require(trades.last)
            let repriced = Self.repricedAtTheLastClose(last, settings: run.settings)
            let shift = (repriced["PnL"] as? Double ?? .nan) - (last["PnL"] as? Double ?? .nan)
            equity[Self.lastBar] += shift
            let peak = equity.max() ?? .nan
            drawdown[Self.lastBar] = 1 - equity[Self.lastBar] / peak
        }
        var worst = 0.0
        var worstBar = 0
        for index in equity.indices {
            let error = abs(run.result.equity[index] - equity[index]) / abs(equity[index])
            if error > worst { (worst, worstBar) = (error, index) }
            #expect(close(run.result.drawdown[index], drawdown[index]), "\(name): drawdown at bar \(index)")
        }
        #expect(
            worst <= 1e-9,
            "\(name): equity off by \(worst) relative at bar \(worstBar): \(run.result.equity[worstBar]) vs \(equity[worstBar])"
        )
    }

    /// Every statistic to 1e-6 relative. Backtesting.py leaves `Commissions [$]` out when none was paid.
    /// With the end-of-data departure only the statistics that the last exit price does not move are
    /// compared; `finalize_trades_at_close` compares them all for that setting.
    @Test(arguments: variants)
    func sameStatistics(_ name: String) throws {
        let run = try Self.run(name)
        let departs = name == Self.closeAtEndDeparture
        for (label, key) in BacktestFixtures.numericStatistics
        where !departs || Self.statisticsIndependentOfTheLastExitPrice.contains(key) {
            let ours = try #require(run.result.stats.number(key))
            guard let expected = run.stats[label] as? Double else {
                #expect(label == "Commissions [$]" && ours == 0, "\(name): \(label) missing from the reference")
                continue
            }
            #expect(close(ours, expected, relative: 1e-6), "\(name): \(key): \(ours) vs \(expected)")
        }
        for (label, key) in Self.durationStatistics where !departs || label.contains("Trade") || label == "Duration" {
            let expected = try #require(run.stats[label] as? String)
            let seconds = try #require(run.result.stats.number(key))
            #expect(StatValue.pandasDuration(seconds) == expected, "\(name): \(key)")
        }
        #expect(run.result.stats.start.hasPrefix(String((run.stats["Start"] as? String ?? "?").prefix(10))))
        #expect(run.result.stats.end.hasPrefix(String((run.stats["End"] as? String ?? "?").prefix(10))))
    }

    /// The documented departure with fill on close: Sextant fills an order decided on the last bar at that
    /// bar's close, Backtesting.py (`trade_on_close=True`) never fills it. SmaCross on GOOG decides nothing
    /// on the last bar, so the variant compares whole; this test keeps that premise true, so that the
    /// departure cannot hide inside the comparisons above.
    @Test func fillOnCloseDecidesNothingOnTheLastBar() throws {
        let run = try Self.run("trade_on_close")
        #expect(run.settings.fill == .close)
        #expect(!run.result.trades.contains { $0.entryBar == Self.lastBar || $0.exitBar == Self.lastBar })
        #expect(!run.result.openTrades.contains { $0.entryBar == Self.lastBar })
    }
}
