import Foundation
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage

/// Inputs of the HTML report tests: a real run (sma_cross on GOOG), hand-built results with hostile
/// text, and a synthetic million-bar result.
enum ReportFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// GOOG daily bars (the test bundle's copy), through the project's CSV reader.
    static let goog: MarketData? = {
        guard
            let url = Bundle.module.url(forResource: "Reference", withExtension: nil)?
                .appendingPathComponent("GOOG.csv"),
            let series = try? CSVBarReader.read(path: url.path)
        else { return nil }
        return MarketData(series)
    }()

    /// `Strategies/sma_cross.yaml` on GOOG with Backtesting.py's Quick-Start settings.
    static func smaCross() throws -> (result: BacktestResult, data: MarketData) {
        let lint = Linter.lint(path: root.appendingPathComponent("Strategies/sma_cross.yaml").path)
        guard case .strategy(let strategy) = lint.checked, let data = goog else {
            throw Failure(message: "sma_cross or GOOG did not load: \(lint.diagnostics.map(\.message))")
        }
        var settings = BacktestSettings(orders: strategy.document.orders)
        settings.cash = 10_000
        settings.commission = Commission(rate: 0.002)
        return (Backtester.run(strategy, data: data, settings: settings), data)
    }

    /// A synthetic run built by hand: a random walk of `bars` hourly bars (deterministic), equity that
    /// follows it, and `trades` alternating long and short trades spread over the bars.
    static func synthetic(
        bars: Int, trades tradeCount: Int, name: String = "synthetic", file: String = "synthetic.yaml"
    )
        -> (result: BacktestResult, data: MarketData)
    {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            // xorshift64*: reproducible without Foundation's generators.
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) / Double(1 << 53)
        }
        let start: Int64 = 1_600_000_000 - 1_600_000_000 % 3600
        var time = [Int64](repeating: 0, count: bars)
        var open = [Double](repeating: 0, count: bars)
        var high = open
        var low = open
        var close = open
        var volume = open
        var equity = open
        var drawdown = open
        var price = 100.0
        var peak = -Double.infinity
        for index in 0..<bars {
            time[index] = start + Int64(index) * 3600
            open[index] = price
            price *= 1 + (random() - 0.5) * 0.01
            close[index] = price
            high[index] = max(open[index], close[index]) * (1 + random() * 0.002)
            low[index] = min(open[index], close[index]) * (1 - random() * 0.002)
            volume[index] = 1000 + (random() * 5000).rounded()
            equity[index] = 10_000 * price / 100
            peak = max(peak, equity[index])
            drawdown[index] = 1 - equity[index] / peak
        }
        var trades: [TradeRecord] = []
        let spacing = max(2, bars / max(1, tradeCount))
        for number in 0..<tradeCount {
            let entry = number * spacing
            let exit = min(bars - 1, entry + spacing / 2 + 1)
            guard entry < exit else { break }
            let size = number % 2 == 0 ? 10.0 : -10.0
            let pnl = size * (open[exit] - open[entry])
            trades.append(
                TradeRecord(
                    entryBar: entry, exitBar: exit, entryTimestamp: time[entry], exitTimestamp: time[exit], size: size,
                    entryPrice: open[entry], exitPrice: open[exit], pnl: pnl,
                    returnPct: pnl / abs(size * open[entry]) * 100, commission: 0,
                    exitReason: number % 3 == 0 ? .stopLoss : .signal))
        }
        var stats = BacktestStats()
        stats.start = UTCTime.iso8601(time.first ?? 0, dateOnly: false)
        stats.end = UTCTime.iso8601(time.last ?? 0, dateOnly: false)
        stats.trades = trades.count
        stats.returnPct = ((equity.last ?? 10_000) / 10_000 - 1) * 100
        stats.maxDrawdownPct = -(drawdown.max() ?? 0) * 100
        let result = BacktestResult(
            strategy: name, file: file, params: [("fast", 10), ("slow", 20)], settings: BacktestSettings(),
            stats: stats, trades: trades, openTrades: [], time: time, equity: equity, drawdown: drawdown,
            rejections: [], firstDecisionBar: 20, warnings: [])
        let data = MarketData(
            time: time,
            columns: [nil: [.open: open, .high: high, .low: low, .close: close, .volume: volume]])
        return (result, data)
    }

    /// The object of the report's `#sextant-data` element.
    static func embeddedData(_ html: String) throws -> [String: Any] {
        let opening = "<script type=\"application/json\" id=\"sextant-data\">"
        guard let start = html.range(of: opening),
            let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex),
            let object = try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
                as? [String: Any]
        else { throw Failure(message: "no #sextant-data element") }
        return object
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
