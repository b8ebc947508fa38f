import Foundation
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// The engine's path — a stream evaluator fed bar by bar, the same decision rules and fill model —
/// makes the backtest's trades, for every bundled single-symbol strategy and several fill settings.
@Suite struct LiveStrategyParityTests {
    static let strategies: [String] = {
        let folder = BacktestFixtures.root.appendingPathComponent("Strategies")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().map { "Strategies/\($0)" }
    }()

    static func settings(_ variant: String, _ strategy: CheckedStrategy) -> BacktestSettings {
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.commission = Commission(rate: 0.001, fixed: 1)
        switch variant {
        case "close": settings.fill = .close
        case "slippage": settings.slippage = .atr(0.25)
        case "spread": settings.spread = 0.001
        default: break
        }
        return settings
    }

    @Test(arguments: strategies, ["default", "close", "slippage", "spread"])
    func liveMatchesBacktest(_ path: String, _ variant: String) throws {
        let strategy = try BacktestFixtures.strategy(path)
        // Pairs need a second symbol: their backtest is the CLI's business, not this single-symbol check.
        try #require(strategy.document.symbols.count <= 1 || path.contains("pairs"))
        guard strategy.document.symbols.count <= 1 else { return }
        let settings = Self.settings(variant, strategy)
        let series = BacktestFixtures.goog
        let backtest = Backtester.run(strategy, data: MarketData(series), settings: settings)

        let live = LiveStrategy(strategy, settings: settings)
        for bar in series {
            live.open(bar)
            live.approve(live.close(bar))
        }
        #expect(live.book.closedTrades == backtest.trades, "\(path) \(variant)")
        #expect(live.book.openTrades(markedAt: series.close.last ?? .nan) == backtest.openTrades)
        // `requested` is NaN for refusals made before sizing, and NaN is not equal to itself: compare text.
        #expect(live.book.rejections.map { "\($0)" } == backtest.rejections.map { "\($0)" })
        #expect(backtest.trades.count + backtest.openTrades.count > 0, "\(path) trades nothing on GOOG")
    }
}
