import Foundation
import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// Shared inputs of the backtest tests: the repository's strategies, GOOG and the Backtesting.py reference.
enum BacktestFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let referenceFolder: URL? = Bundle.module.url(forResource: "Reference", withExtension: nil)

    /// GOOG daily bars through the project's own CSV reader.
    static let goog: BarSeries = {
        guard let url = referenceFolder?.appendingPathComponent("GOOG.csv"),
            let series = try? CSVBarReader.read(path: url.path)
        else { return BarSeries() }
        return series
    }()

    /// Backtesting.py 0.6.6's run of its Quick-Start SmaCross on GOOG (`../shared/reference/README.md`).
    static var smaCrossReference: [String: Any] {
        guard let url = referenceFolder?.appendingPathComponent("backtesting_SmaCross_GOOG.json"),
            let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    /// Backtesting.py's statistic labels and Sextant's keys, numbers compared to 1e-6 relative.
    static let numericStatistics: [(String, String)] = [
        ("Exposure Time [%]", "exposure_time_pct"), ("Equity Final [$]", "equity_final"),
        ("Equity Peak [$]", "equity_peak"), ("Commissions [$]", "commissions"), ("Return [%]", "return_pct"),
        ("Buy & Hold Return [%]", "buy_hold_return_pct"), ("Return (Ann.) [%]", "return_ann_pct"),
        ("Volatility (Ann.) [%]", "volatility_ann_pct"), ("CAGR [%]", "cagr_pct"), ("Sharpe Ratio", "sharpe"),
        ("Sortino Ratio", "sortino"), ("Calmar Ratio", "calmar"), ("Alpha [%]", "alpha_pct"), ("Beta", "beta"),
        ("Max. Drawdown [%]", "max_drawdown_pct"), ("Avg. Drawdown [%]", "avg_drawdown_pct"),
        ("# Trades", "trades"), ("Win Rate [%]", "win_rate_pct"), ("Best Trade [%]", "best_trade_pct"),
        ("Worst Trade [%]", "worst_trade_pct"), ("Avg. Trade [%]", "avg_trade_pct"),
        ("Profit Factor", "profit_factor"), ("Expectancy [%]", "expectancy_pct"), ("SQN", "sqn"),
        ("Kelly Criterion", "kelly"),
    ]

    /// Lints and checks a strategy file of the repository.
    static func strategy(_ relativePath: String) throws -> CheckedStrategy {
        let result = Linter.lint(path: root.appendingPathComponent(relativePath).path)
        guard case .strategy(let strategy) = result.checked else {
            throw FixtureFailure(message: "\(relativePath) did not check: \(result.diagnostics.map(\.message))")
        }
        return strategy
    }

    /// Checks a strategy given as text.
    static func strategy(text: String) throws -> CheckedStrategy {
        let result = Linter.lint(SourceFile(path: "test.yaml", text: text))
        guard case .strategy(let strategy) = result.checked else {
            throw FixtureFailure(message: "did not check: \(result.diagnostics.map(\.message))")
        }
        return strategy
    }

    /// Daily bars from closes (open = previous close, high/low around them), starting 2020-01-06.
    static func bars(closes: [Double], opens: [Double]? = nil, highs: [Double]? = nil, lows: [Double]? = nil)
        -> MarketData
    {
        let start: Int64 = 1_578_268_800
        let open = opens ?? closes.indices.map { $0 == 0 ? closes[0] : closes[$0 - 1] }
        let high = highs ?? closes.indices.map { max(open[$0], closes[$0]) }
        let low = lows ?? closes.indices.map { min(open[$0], closes[$0]) }
        let time = closes.indices.map { start + Int64($0) * 86_400 }
        return MarketData(
            time: time,
            columns: [
                nil: [
                    .open: open, .high: high, .low: low, .close: closes,
                    .volume: [Double](repeating: 1000, count: closes.count),
                ]
            ])
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// `|a − b| ≤ tolerance·|b|` (NaN equals NaN).
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-9) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance * abs(b) + 1e-12
}
