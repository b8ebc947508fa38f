import Foundation
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// `Strategies/sma_cross.yaml` on GOOG reproduces Backtesting.py 0.6.6's Quick-Start SmaCross run
/// (cash 10,000, commission 0.2%): every trade, the equity curve and every statistic.
@Suite struct BacktestingPyReferenceTests {
    let result: BacktestResult
    let reference = BacktestFixtures.smaCrossReference

    init() throws {
        let strategy = try BacktestFixtures.strategy("Strategies/sma_cross.yaml")
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.cash = 10_000
        settings.commission = Commission(rate: 0.002)
        result = Backtester.run(strategy, data: MarketData(BacktestFixtures.goog), settings: settings)
    }

    @Test func sameClosedTrades() throws {
        let trades = try #require(reference["trades"] as? [[String: Any]])
        try #require(trades.count == 93)
        #expect(result.trades.count == trades.count)
        for (ours, theirs) in zip(result.trades, trades) {
            #expect(ours.size == theirs["Size"] as? Double)
            #expect(ours.entryBar == theirs["EntryBar"] as? Int)
            #expect(ours.exitBar == theirs["ExitBar"] as? Int)
            #expect(close(ours.entryPrice, theirs["EntryPrice"] as? Double ?? .nan))
            #expect(close(ours.exitPrice, theirs["ExitPrice"] as? Double ?? .nan))
            #expect(close(ours.pnl, theirs["PnL"] as? Double ?? .nan, relative: 1e-9))
            #expect(close(ours.commission, theirs["Commission"] as? Double ?? .nan, relative: 1e-9))
            #expect(close(ours.returnPct / 100, theirs["ReturnPct"] as? Double ?? .nan, relative: 1e-9))
            #expect(ours.entryTime.hasPrefix(String((theirs["EntryTime"] as? String ?? "").prefix(10))))
            #expect(ours.exitTime?.hasPrefix(String((theirs["ExitTime"] as? String ?? "").prefix(10))) == true)
        }
    }

    @Test func sameOpenTradeAtTheEnd() throws {
        let open = try #require(reference["open_trades_at_end"] as? [[String: Any]])
        #expect(result.openTrades.count == open.count)
        for (ours, theirs) in zip(result.openTrades, open) {
            #expect(ours.size == theirs["size"] as? Double)
            #expect(ours.entryBar == theirs["entry_bar"] as? Int)
            #expect(close(ours.entryPrice, theirs["entry_price"] as? Double ?? .nan))
        }
    }

    @Test func sameEquityCurve() throws {
        let curve = try #require(reference["equity_curve"] as? [String: Any])
        let equity = try #require(curve["Equity"] as? [Double])
        let drawdown = try #require(curve["DrawdownPct"] as? [Double])
        try #require(equity.count == result.equity.count)
        var worst = 0.0
        for index in equity.indices {
            worst = max(worst, abs(result.equity[index] - equity[index]) / abs(equity[index]))
            #expect(close(result.drawdown[index], drawdown[index], relative: 1e-9))
        }
        #expect(worst <= 1e-9)
    }

    /// Every statistic to 1e-6 relative; durations as pandas prints them.
    @Test(arguments: BacktestFixtures.numericStatistics)
    func sameStatistic(_ label: String, _ key: String) throws {
        let stats = try #require(reference["stats"] as? [String: Any])
        let expected = try #require(stats[label] as? Double)
        let ours = try #require(result.stats.number(key))
        #expect(close(ours, expected, relative: 1e-6), "\(key): \(ours) vs \(expected)")
    }

    @Test(arguments: [
        ("Duration", "duration"), ("Max. Drawdown Duration", "max_drawdown_duration"),
        ("Avg. Drawdown Duration", "avg_drawdown_duration"), ("Max. Trade Duration", "max_trade_duration"),
        ("Avg. Trade Duration", "avg_trade_duration"),
    ])
    func sameDuration(_ label: String, _ key: String) throws {
        let stats = try #require(reference["stats"] as? [String: Any])
        let expected = try #require(stats[label] as? String)
        let seconds = try #require(result.stats.number(key))
        #expect(StatValue.pandasDuration(seconds) == expected)
    }

    @Test func sameStartAndEnd() throws {
        let stats = try #require(reference["stats"] as? [String: Any])
        #expect(result.stats.start.hasPrefix(String((stats["Start"] as? String ?? "?").prefix(10))))
        #expect(result.stats.end.hasPrefix(String((stats["End"] as? String ?? "?").prefix(10))))
        #expect(result.firstDecisionBar == 20)
    }
}
