import SextantBacktest
import SextantCore
import SextantGraph
import SextantLanguage
import Testing

/// The fill model, stops, sizing and risk checks on small hand-computed cases. Bars are daily; unless
/// given, each bar opens at the previous close and its high/low are the larger/smaller of open and close.
@Suite struct SimulatorTests {
    /// A long-only strategy entering when the close passes `threshold`, with extra YAML appended.
    static func strategy(_ extra: String = "", entry: String = "close > 10.5") throws -> CheckedStrategy {
        try BacktestFixtures.strategy(
            text: """
                kind: strategy
                name: probe
                entry:
                  long: \(entry)
                \(extra)
                """)
    }

    static func run(
        _ strategy: CheckedStrategy, closes: [Double], opens: [Double]? = nil, highs: [Double]? = nil,
        lows: [Double]? = nil, configure: (inout BacktestSettings) -> Void = { _ in }
    ) -> BacktestResult {
        var settings = BacktestSettings(orders: strategy.document.orders)
        configure(&settings)
        return Backtester.run(
            strategy, data: BacktestFixtures.bars(closes: closes, opens: opens, highs: highs, lows: lows),
            settings: settings)
    }

    // MARK: - Fills

    /// Signal at bar 2's close (11 > 10.5) fills at bar 3's open (11): ⌊10,000 / 11⌋ = 909 units.
    @Test func nextOpenFillTakesAllTheCash() throws {
        let result = Self.run(try Self.strategy(), closes: [10, 10, 11, 12, 13, 12])
        let trade = try #require(result.openTrades.first)
        #expect(trade.entryBar == 3)
        #expect(trade.entryPrice == 11)
        #expect(trade.size == 909)
        #expect(result.equity[5] == 10_000 + 909 * (12 - 11))
        #expect(result.equity[2] == 10_000)
        #expect(result.trades.isEmpty)
    }

    /// With `fill: close` the order fills at the signal bar's close.
    @Test func closeFillUsesTheSignalBar() throws {
        let result = Self.run(try Self.strategy(), closes: [10, 10, 11, 12, 13, 12]) { $0.fill = .close }
        let trade = try #require(result.openTrades.first)
        #expect(trade.entryBar == 2)
        #expect(trade.entryPrice == 11)
        #expect(trade.size == 909)
    }

    /// Commission 1% + 2 fixed per fill. All-in sizing is Backtesting.py's, which divides the fixed fee
    /// by the size *fraction* (≈ 1), so it weighs as if paid per unit: ⌊10,000·f / (11 + (2 + 11·0.01·f)/f)⌋
    /// = ⌊10,000 / 13.11⌋ = 762 (f = 1 − 2⁻⁵²). The entry fee 2 + 762·11·0.01 = 85.82 leaves the cash.
    @Test func commissionIsPaidAtEntry() throws {
        let result = Self.run(try Self.strategy(), closes: [10, 10, 11, 11, 11]) {
            $0.commission = Commission(rate: 0.01, fixed: 2)
        }
        let trade = try #require(result.openTrades.first)
        #expect(trade.size == 762)
        #expect(abs(result.equity[4] - (10_000 - 85.82)) < 1e-9)
    }

    /// Slippage moves a buy up: fixed 0.5 → 11.5; 1% → 11.11.
    @Test(arguments: [(Slippage.fixed(0.5), 11.5), (Slippage.percent(0.01), 11.11)])
    func slippageMovesTheFill(_ slippage: Slippage, _ price: Double) throws {
        let result = Self.run(try Self.strategy(), closes: [10, 10, 11, 11, 11]) { $0.slippage = slippage }
        let trade = try #require(result.openTrades.first)
        #expect(abs(trade.entryPrice - price) < 1e-12)
        #expect(trade.size == (10_000 / price).rounded(.down))
    }

    /// `close_at_end` closes the open trade at the last close and counts it.
    @Test func closeAtEndCountsTheLastTrade() throws {
        let result = Self.run(try Self.strategy(), closes: [10, 10, 11, 12, 13, 12]) { $0.closeAtEnd = true }
        #expect(result.openTrades.isEmpty)
        let trade = try #require(result.trades.first)
        #expect(trade.exitBar == 5)
        #expect(trade.exitPrice == 12)
        #expect(trade.exitReason == .end)
        #expect(result.stats.trades == 1)
    }

    /// A short through a price that quadruples: equity reaches zero at bar 4's close (10,000 − 999·(21 − 10)
    /// < 0); the trade closes there, and the equity curve is 0 from then on, as in Backtesting.py.
    @Test func ruinStopsTheRun() throws {
        let strategy = try Self.strategy("", entry: "close > 1000\n  short: close < 10.5")
        let result = Self.run(strategy, closes: [10, 10, 12, 15, 21, 40, 10])
        let trade = try #require(result.trades.first)
        #expect(trade.size == -999)
        #expect(trade.exitBar == 4)
        #expect(trade.exitReason == .end)
        #expect(result.equity[3] == 10_000 - 999 * 5)
        #expect(result.equity[4...].allSatisfy { $0 == 0 })
        #expect(result.openTrades.isEmpty)
    }

    // MARK: - Exits and stops

    /// `exit.long` at bar 4's close fills at bar 5's open.
    @Test func exitSignalClosesAtTheNextOpen() throws {
        let strategy = try Self.strategy("exit:\n  long: close < 11.5")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 11, 10, 10])
        let trade = try #require(result.trades.first)
        #expect(trade.entryBar == 3)
        #expect(trade.exitBar == 5)
        #expect(trade.exitPrice == 11)
        #expect(trade.exitReason == .signal)
        #expect(trade.pnl == 0)
    }

    /// Stop 2 below the 11 entry: bar 5 trades down to 9 → exit at 9.
    @Test func stopLossFillsAtTheStop() throws {
        let result = Self.run(try Self.strategy("stops:\n  loss: 2"), closes: [10, 10, 11, 12, 10, 9, 9])
        let trade = try #require(result.trades.first)
        #expect(trade.exitBar == 5)
        #expect(trade.exitPrice == 9)
        #expect(trade.exitReason == .stopLoss)
        #expect(trade.pnl == 909 * (9 - 11))
    }

    /// A gap below the stop fills at the open, not at the stop.
    @Test func gapThroughTheStopFillsAtTheOpen() throws {
        let result = Self.run(
            try Self.strategy("stops:\n  loss: 2"), closes: [10, 10, 11, 12, 10, 8.5, 9],
            opens: [10, 10, 10, 11, 12, 8, 8.5])
        let trade = try #require(result.trades.first)
        #expect(trade.exitBar == 5)
        #expect(trade.exitPrice == 8)
    }

    /// Bar 4 touches both the stop (9) and the take-profit (14): the stop is assumed first.
    @Test func stopWinsWhenBothAreTouched() throws {
        let result = Self.run(
            try Self.strategy("stops:\n  loss: 2\n  take_profit: 3"), closes: [10, 10, 11, 12, 12, 12],
            highs: [10, 10, 11, 12, 14.5, 12], lows: [10, 10, 10, 11, 8.5, 12])
        let trade = try #require(result.trades.first)
        #expect(trade.exitBar == 4)
        #expect(trade.exitPrice == 9)
        #expect(trade.exitReason == .stopLoss)
    }

    /// Take-profit 3 above 11: bar 4's high 14.5 reaches 14.
    @Test func takeProfitFillsAtTheTarget() throws {
        let result = Self.run(
            try Self.strategy("stops:\n  take_profit: 3"), closes: [10, 10, 11, 12, 13, 13],
            highs: [10, 10, 11, 12, 14.5, 13])
        let trade = try #require(result.trades.first)
        #expect(trade.exitBar == 4)
        #expect(trade.exitPrice == 14)
        #expect(trade.exitReason == .takeProfit)
    }

    /// Trailing 2: from 11 − 2 = 9, the closes 12 and 14 ratchet it to 10 then 12; bar 5 dips to 11.5.
    @Test func trailingStopFollowsTheCloses() throws {
        let result = Self.run(
            try Self.strategy("stops:\n  trailing: 2"), closes: [10, 10, 11, 12, 14, 13, 13],
            lows: [10, 10, 10, 11, 12, 11.5, 13])
        let trade = try #require(result.trades.first)
        #expect(trade.exitBar == 5)
        #expect(trade.exitPrice == 12)
        #expect(trade.exitReason == .trailingStop)
    }

    /// `max_bars: 2`: entered at bar 3, closed at bar 5's open.
    @Test func maxBarsClosesAfterTheCount() throws {
        let result = Self.run(try Self.strategy("stops:\n  max_bars: 2"), closes: [10, 10, 11, 12, 13, 14, 15])
        let trade = try #require(result.trades.first)
        #expect(trade.entryBar == 3)
        #expect(trade.exitBar == 5)
        #expect(trade.exitReason == .maxBars)
    }

    // MARK: - Orders

    /// The opposite entry reverses at one open. Bar 1's close (10) enters short at bar 2's open (10):
    /// ⌊10,000·f/10⌋ = 999 units (f = 1 − 2⁻⁵² keeps an exact quotient just below 1,000, as in
    /// Backtesting.py). Bar 2's close (11) reverses at bar 3's open (11): the short loses 999, the long
    /// takes ⌊9,001·f/11⌋ = 818. Bar 4's close (10) reverses again at 10: the long loses 818, the short
    /// takes ⌊8,183·f/10⌋ = 818.
    @Test func oppositeEntryReverses() throws {
        let strategy = try Self.strategy("  short: close < 10.5", entry: "close > 10.5")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 10, 10, 10])
        #expect(result.trades.map(\.size) == [-999, 818])
        #expect(result.trades.map(\.entryBar) == [2, 3])
        #expect(result.trades.map(\.exitBar) == [3, 5])
        #expect(result.trades.map(\.exitReason) == [.reverse, .reverse])
        #expect(result.trades.map(\.pnl) == [-999, -818])
        let short = try #require(result.openTrades.first)
        #expect(short.entryBar == 5)
        #expect(short.size == -818)
    }

    /// `direction: long`: the short signal closes the long and opens nothing.
    @Test func longOnlyNeverShorts() throws {
        let strategy = try Self.strategy("  short: close < 10.5\norders:\n  direction: long", entry: "close > 10.5")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 10, 10, 10])
        #expect(result.trades.count == 1)
        #expect(result.openTrades.isEmpty)
    }

    /// Both entries true on one bar: neither is taken, and the refusal is recorded.
    @Test func conflictingSignalsAreRefused() throws {
        let strategy = try Self.strategy("  short: close > 10.5", entry: "close > 10.5")
        let result = Self.run(strategy, closes: [10, 10, 11, 11])
        #expect(result.trades.isEmpty && result.openTrades.isEmpty)
        #expect(result.rejections.first?.reason == .conflictingSignals)
        #expect(result.stats.rejectedOrders == 2)
    }

    /// `pyramiding: 2`: a second long while the first is open, then no third.
    @Test func pyramidingAddsTrades() throws {
        let strategy = try Self.strategy("size: units(10)\norders:\n  pyramiding: 2")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 13, 14])
        #expect(result.openTrades.map(\.entryBar) == [3, 4])
        #expect(result.openTrades.map(\.size) == [10, 10])
    }

    // MARK: - Sizing

    /// Each sizing rule at an 11 fill with 10,000 of equity.
    @Test(arguments: [
        ("units(5)", 5.0), ("7", 7), ("cash_amount(1000)", 90), ("percent_equity(50%)", 454),
        ("risk_fraction(1%, stop = 2)", 50), ("kelly(0.6, 2, 0.5)", 181),
    ])
    func sizingRule(_ size: String, _ units: Double) throws {
        // kelly: (0.6 − 0.4/2)·0.5 = 20% of 10,000 = 2,000 → ⌊2000/11⌋ = 181.
        let result = Self.run(try Self.strategy("size: \(size)"), closes: [10, 10, 11, 11, 11])
        #expect(result.openTrades.first?.size == units)
    }

    /// A size the cash cannot cover is shrunk to what it covers, and recorded.
    @Test func oversizedOrderIsShrunk() throws {
        let result = Self.run(try Self.strategy("size: units(2000)"), closes: [10, 10, 11, 11, 11])
        #expect(result.openTrades.first?.size == 909)
        let record = try #require(result.rejections.first)
        #expect(record.reason == .insufficientCash)
        #expect(record.action == .shrunk)
        #expect(record.requested == 2000)
        #expect(record.filled == 909)
    }

    // MARK: - Risk

    /// `max_position: 1000` caps an all-in entry at ⌊1000/11⌋ = 90 units.
    @Test func maxPositionShrinks() throws {
        let result = Self.run(try Self.strategy("risk:\n  max_position: 1000"), closes: [10, 10, 11, 11, 11])
        #expect(result.openTrades.first?.size == 90)
        #expect(result.rejections.first?.reason == .maxPosition)
        #expect(result.stats.shrunkOrders == 1)
    }

    /// After a losing exit at bar 5, `cooldown: 3 bars` refuses the entry signals of bars 5–7.
    @Test func cooldownAfterALoss() throws {
        let strategy = try Self.strategy("exit:\n  long: close < 10\nrisk:\n  cooldown: 3 bars")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 9, 11, 11, 11, 11, 11])
        let loss = try #require(result.trades.first)
        #expect(loss.exitBar == 5)
        #expect(loss.pnl < 0)
        #expect(result.rejections.map(\.bar) == [5, 6, 7])
        #expect(result.rejections.allSatisfy { $0.reason == .cooldown })
        #expect(result.openTrades.first?.entryBar == 9)
    }

    /// `max_drawdown: 5%`: once equity is 10% below its peak, entries are refused.
    @Test func maxDrawdownHaltsEntries() throws {
        let strategy = try Self.strategy("exit:\n  long: close < 10\nrisk:\n  max_drawdown: 5%")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 9, 11, 11])
        #expect(result.trades.count == 1)
        #expect(result.openTrades.isEmpty)
        #expect(result.rejections.first?.reason == .maxDrawdown)
    }

    /// State-stage exits: `open_pnl` is read bar by bar inside the loop.
    @Test func stateStageExitReadsTheBook() throws {
        let strategy = try Self.strategy("exit:\n  long: open_pnl > 1500")
        let result = Self.run(strategy, closes: [10, 10, 11, 12, 13, 14, 15])
        let trade = try #require(result.trades.first)
        // 909·(13 − 11) = 1818 > 1500 at bar 4's close → exit at bar 5's open (13).
        #expect(trade.exitBar == 5)
        #expect(trade.exitPrice == 13)
    }
}
