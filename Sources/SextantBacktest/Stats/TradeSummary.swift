import Foundation

/// What the trade statistics need of the closed trades, read from the records without building
/// columns of them: the records of a minute-bar run take megabytes, and every fresh column of their
/// values costs page faults beyond its arithmetic. The sums run in record order, as they did over such
/// columns, so the statistics keep their bits; the sample variance of the P&L takes a second pass over
/// the records, as numpy's does over its column.
struct TradeSummary {
    var count = 0
    var commissions = 0.0
    /// Trades with `pnl > 0`, the sums of positive and negative P&L, and the sum of all.
    var wins = 0
    var winSum = 0.0
    var losingCount = 0
    var lossSum = 0.0
    var pnlSum = 0.0
    /// The sample variance of the P&L (ddof 1; NaN below two trades).
    var pnlVariance = Double.nan
    /// The largest and smallest return (fractions; NaN without trades), their sum, the sums of the
    /// positive and the negative ones, and Backtesting.py's geometric mean (0 if one lost everything).
    var bestReturn = Double.nan
    var worstReturn = Double.nan
    var returnSum = 0.0
    var gains = 0.0
    var losses = 0.0
    var geometricMean = Double.nan
    /// Durations (seconds) of the trades with an exit: the longest, their sum and number.
    var longestDuration = -Double.infinity
    var durationSum = 0.0
    var durationCount = 0
    /// Bars inside `[entry_bar, exit_bar]` of at least one trade with an exit (`exposure_time_pct`).
    var exposedBars = 0

    /// The summary of `trades` on a run of `bars` bars.
    init(_ trades: [TradeRecord], bars: Int) {
        count = trades.count
        var logSum = 0.0
        var ruined = false
        // The exposed bars merge the trades' intervals as they come, while they come in order of entry.
        var exposedEnd = -1
        var lastEntry = Int.min
        var inOrder = true
        for (index, trade) in trades.enumerated() {
            if inOrder, let exit = trade.exitBar {
                let (start, stop) = (max(0, trade.entryBar), min(exit, bars - 1))
                if start >= lastEntry {
                    lastEntry = start
                    StatsCalculator.merge(start, stop, into: &exposedBars, end: &exposedEnd)
                } else {
                    inOrder = false
                }
            }
            let pnl = trade.pnl
            commissions += trade.commission
            pnlSum += pnl
            if pnl > 0 {
                wins += 1
                winSum += pnl
            } else if pnl < 0 {
                losingCount += 1
                lossSum += pnl
            }
            let value = trade.returnPct / 100
            // `max()` and `min()` of the returns: the first, then only a strictly larger (smaller) one.
            if index == 0 || bestReturn < value { bestReturn = value }
            if index == 0 || value < worstReturn { worstReturn = value }
            returnSum += value
            if value > 0 { gains += value } else if value < 0 { losses += value }
            let growth = (value.isNaN ? 0 : value) + 1
            if growth <= 0 { ruined = true } else if !ruined { logSum += LogRatio.of(growth, 1) }
            if let exit = trade.exitTimestamp {
                let duration = Double(exit - trade.entryTimestamp)
                longestDuration = max(longestDuration, duration)
                durationSum += duration
                durationCount += 1
            }
        }
        if !inOrder { exposedBars = StatsCalculator.exposedBarsSorting(trades, count: bars) }
        guard count > 0 else { return }
        geometricMean = ruined ? 0 : exp(logSum / Double(count)) - 1
        guard count > 1 else { return }
        let mean = pnlSum / Double(count)
        var squares = 0.0
        for trade in trades { squares += (trade.pnl - mean) * (trade.pnl - mean) }
        pnlVariance = squares / Double(count - 1)
    }
}
