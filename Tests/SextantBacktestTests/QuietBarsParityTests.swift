import Foundation
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

@testable import SextantBacktest

/// The simulation's bulk marking of quiet bars (`Simulator.marksQuietBarsInBulk`, `Broker.markQuiet`)
/// against stepping every bar, its definition: the same trades, equity, refusals, warnings and book
/// state, bit for bit, for every strategy of the repository and for strategies that exercise exits,
/// risk limits, sizing functions, fills on close, pyramiding and a ruined account, on seeded random
/// walks of daily and intraday bars.
@Suite struct QuietBarsParityTests {
    /// The repository's strategies (`pairs_zscore` gets its two symbols).
    static let files = [
        "bollinger_breakout", "donchian_turtle", "guarded_breakout", "macd_trend", "pairs_zscore",
        "rsi_mean_reversion", "sma_cross", "stoch_pullback", "vol_target",
    ]

    /// Strategies written for this test: each reaches a different part of the decision and the book.
    static let texts = [
        // Exits and entries on both sides, reversals on the opposite entry.
        """
        entry:
          long: crosses_above(sma(close, 5), sma(close, 12))
          short: crosses_below(sma(close, 5), sma(close, 12))
        exit:
          long: rsi(close, 7) > 70
          short: rsi(close, 7) < 30
        """,
        // Every risk limit that reads the book's day, peak and loss bookkeeping, with a sizing function.
        """
        entry:
          long: crosses_above(close, sma(close, 4))
          short: crosses_below(close, sma(close, 4))
        size: percent_equity(50%)
        risk:
          max_daily_loss: 150
          max_drawdown: 3%
          cooldown: 3 bars
          max_trades_per_day: 2
          max_position: 6000
        """,
        // Pyramiding: several trades open at once (the generic mark of a book of many trades).
        """
        orders: {pyramiding: 3}
        entry:
          long: close > sma(close, 6)
        exit:
          long: crosses_below(close, sma(close, 20))
        size: units(10)
        """,
        // A constant exit that is never true and one signal only.
        """
        entry:
          long: crosses_above(ema(close, 3), ema(close, 9))
        exit:
          long: false
        """,
        // Fill on close, long only.
        """
        orders: {fill: close, direction: long}
        entry:
          long: crosses_above(sma(close, 3), sma(close, 8))
          short: crosses_below(sma(close, 3), sma(close, 8))
        """,
    ]

    static func checked(_ body: String) throws -> CheckedStrategy {
        try BacktestFixtures.strategy(text: "kind: strategy\nname: parity\n" + body)
    }

    /// A seeded random walk: `count` bars `spacing` seconds apart, with gaps of a day now and then so that
    /// intraday bars cross days at irregular places.
    static func walk(count: Int, spacing: Int64, seed: UInt64, drift: Double = 0, volatility: Double = 0.01)
        -> MarketData
    {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var time: [Int64] = []
        var open: [Double] = []
        var high: [Double] = []
        var low: [Double] = []
        var close: [Double] = []
        var price = 100.0
        var now: Int64 = 1_577_836_800 + Int64(uniform() * 86_400)
        for _ in 0..<count {
            let first = price
            price *= 1 + drift + volatility * (uniform() - 0.5) * 2
            time.append(now)
            open.append(first)
            close.append(price)
            high.append(max(first, price) * (1 + volatility * uniform()))
            low.append(min(first, price) * (1 - volatility * uniform()))
            now += spacing + (uniform() < 0.02 ? 86_400 : 0)
        }
        let fields: [BarField: [Double]] = [
            .open: open, .high: high, .low: low, .close: close, .volume: [Double](repeating: 1_000, count: count),
        ]
        var other = fields
        other[.close] = close.indices.map { close[$0] * (1 + 0.002 * (uniform() - 0.5)) }
        return MarketData(time: time, columns: [nil: fields, "a": fields, "b": other])
    }

    static let series: [(String, MarketData)] = [
        ("daily", walk(count: 1_500, spacing: 86_400, seed: 1)),
        ("hourly", walk(count: 3_000, spacing: 3_600, seed: 2, volatility: 0.004)),
        ("minutes", walk(count: 4_000, spacing: 60, seed: 3, volatility: 0.001)),
        ("trending", walk(count: 1_000, spacing: 3_600, seed: 4, drift: 0.002)),
    ]

    static let settings: [(String, @Sendable (inout BacktestSettings) -> Void)] = [
        ("default", { _ in }),
        (
            "costs",
            {
                $0.commission = Commission(rate: 0.002, fixed: 1)
                $0.spread = 0.001
                $0.slippage = .percent(0.0005)
            }
        ),
        (
            "close at end",
            {
                $0.closeAtEnd = true
                $0.cash = 1e6
            }
        ),
    ]

    /// Runs `strategy` on `data` stepping every bar and marking quiet bars in bulk, and compares.
    static func compare(
        _ strategy: CheckedStrategy, _ data: MarketData, _ label: String, _ configure: (inout BacktestSettings) -> Void
    )
        -> Bool
    {
        var settings = BacktestSettings(orders: strategy.document.orders)
        configure(&settings)
        let runs = [false, true].map { bulk in
            StrategyProgram.with(strategy, params: [:], data: data, settings: settings) { program in
                var simulator = Simulator(program: program, settings: settings, data: data)
                simulator.marksQuietBarsInBulk = bulk
                simulator.run()
                return (simulator, simulator.quietSignals(state: program.state.flatMap { $0.hasStateNodes ? $0 : nil }))
            }
        }
        let (stepped, bulk) = (runs[0].0, runs[1].0)
        let equal =
            bits(stepped.equity) == bits(bulk.equity)
            && stepped.broker.closed.map(Self.bits) == bulk.broker.closed.map(Self.bits)
            && stepped.openRecords().map(Self.bits) == bulk.openRecords().map(Self.bits)
            && stepped.broker.rejections.map(Self.bits) == bulk.broker.rejections.map(Self.bits)
            && stepped.warnings == bulk.warnings
            && bookState(stepped.broker) == bookState(bulk.broker)
        #expect(equal, "\(label)")
        return runs[1].1 != nil
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    static func bits(_ trade: TradeRecord) -> [UInt64] {
        [
            UInt64(trade.entryBar), UInt64(bitPattern: Int64(trade.exitBar ?? -1)),
            UInt64(bitPattern: trade.entryTimestamp), UInt64(bitPattern: trade.exitTimestamp ?? -1),
            trade.size.bitPattern, trade.entryPrice.bitPattern, trade.exitPrice.bitPattern, trade.pnl.bitPattern,
            trade.returnPct.bitPattern, trade.commission.bitPattern,
        ]
    }

    /// A refusal with its numbers as bits (a refused order's request is NaN, which `==` never matches).
    static func bits(_ rejection: OrderRejection) -> String {
        "\(rejection.bar) \(rejection.time) \(rejection.side) \(rejection.action) \(rejection.reason) "
            + "\(rejection.requested.bitPattern) \(rejection.filled.bitPattern)"
    }

    static func bookState(_ broker: Broker) -> [UInt64] {
        [
            broker.cash.bitPattern, broker.peak.bitPattern, broker.dayStartEquity.bitPattern,
            UInt64(bitPattern: broker.day), broker.lastEquity.bitPattern, UInt64(broker.entriesToday),
            UInt64(bitPattern: Int64(broker.lastLossExitBar)), UInt64(broker.trades.count),
        ]
    }

    @Test(arguments: files)
    func repositoryStrategy(_ name: String) throws {
        let strategy = try BacktestFixtures.strategy("Strategies/\(name).yaml")
        for (label, data) in Self.series {
            for (costs, configure) in Self.settings {
                _ = Self.compare(strategy, data, "\(name), \(label), \(costs)", configure)
            }
        }
    }

    @Test(arguments: texts.indices)
    func writtenStrategy(_ index: Int) throws {
        let strategy = try Self.checked(Self.texts[index])
        var bulk = false
        for (label, data) in Self.series {
            for (costs, configure) in Self.settings {
                bulk = Self.compare(strategy, data, "strategy \(index), \(label), \(costs)", configure) || bulk
            }
        }
        // Without a sizing function (a state-stage node, stepped every bar) nothing acts on every bar:
        // the bulk path must be the one taken.
        #expect(bulk == !Self.texts[index].contains("size:"))
    }

    /// The SMA cross takes the bulk path (its signals are two market columns).
    @Test func smaCrossMarksInBulk() throws {
        let strategy = try BacktestFixtures.strategy("Strategies/sma_cross.yaml")
        #expect(Self.compare(strategy, Self.series[0].1, "sma_cross", { _ in }))
    }

    /// A short all-in position through a tripling price: equity falls below zero on a quiet bar, and the
    /// run must stop on that bar either way.
    @Test func ruinOnAQuietBar() throws {
        let strategy = try Self.checked("entry:\n  short: crosses_below(close, sma(close, 3))")
        let closes: [Double] = [10, 11, 12, 9] + (1...40).map { 9 + Double($0) * 0.5 }
        let data = BacktestFixtures.bars(closes: closes)
        #expect(Self.compare(strategy, data, "ruin", { _ in }))
        let result = Backtester.run(strategy, data: data, settings: BacktestSettings(orders: strategy.document.orders))
        #expect(result.warnings.contains { $0.contains("equity fell to zero") })
    }
}
