import Foundation
import SextantCore

/// Backtesting.py 0.6.6's statistics (`backtesting/_stats.py`), definition for definition, with its
/// quirks kept so that its numbers reproduce: see `docs/backtest.md` for each one.
enum StatsCalculator {
    /// The statistics of a run. `closed` are the trades counted (closed ones, plus those closed at the
    /// end with `close_at_end`); `firstTradingBar` is the indicator warm-up (buy & hold starts there);
    /// `drawdowns` is the equity curve's (computed once by the caller, who keeps its values).
    static func compute(
        time: [Int64], close: [Double], equity: [Double], closed: [TradeRecord], firstTradingBar: Int,
        drawdowns: Drawdowns? = nil
    ) -> BacktestStats {
        var stats = BacktestStats()
        let count = equity.count
        guard count > 0, time.count == count, close.count == count else { return stats }
        let iso = { (value: Int64) in UTCTime.iso8601(value, dateOnly: false) }
        stats.start = iso(time[0])
        stats.end = iso(time[count - 1])
        let durationSeconds = Double(time[count - 1] - time[0])
        stats.duration = durationSeconds

        // β's pass over the equity also takes the drawdown summary, unless the caller has it.
        let beta: Double
        let drawdown: Drawdowns
        if let drawdowns {
            beta = Self.logReturnBeta(equity: equity, market: close)
            drawdown = drawdowns
        } else {
            let pass = Self.logReturnBeta(equity: equity, market: close, time: time)
            beta = pass.beta
            drawdown = pass.drawdowns.map(Drawdowns.init(summary:)) ?? Drawdowns(equity: equity, time: time)
        }
        let resolution = Self.resolution(of: time)

        stats.equityFinal = equity[count - 1]
        stats.equityPeak = drawdown.peak.isNaN ? equity.max() ?? .nan : drawdown.peak
        stats.returnPct = (equity[count - 1] - equity[0]) / equity[0] * 100
        let first = min(max(0, firstTradingBar), count - 1)
        stats.buyHoldReturnPct = (close[count - 1] - close[first]) / close[first] * 100

        // Intraday and daily bars resample by calendar day, and one pass over the times gives both the
        // daily returns and the weekend share that picks the year's length.
        let periods: (count: Double, grouping: Grouping)
        let daily: ReturnMoments
        if Self.spacingDays(time) < 7 {
            let pass = Self.dailyReturnMoments(time: time, equity: equity)
            periods = Self.annualPeriods(time, weekendBars: pass.weekendBars)
            daily = pass.moments
        } else {
            periods = Self.annualPeriods(time)
            daily = Self.periodReturnMoments(time: time, equity: equity, grouping: periods.grouping)
        }
        let g = daily.geometricMean
        let annual = periods.count
        let annualizedReturn = pow(1 + g, annual) - 1
        stats.returnAnnPct = annualizedReturn * 100
        stats.volatilityAnnPct =
            (pow(daily.variance + pow(1 + g, 2), annual) - pow(1 + g, 2 * annual)).squareRoot() * 100
        let years = durationSeconds / 86_400 / 365.25
        stats.cagrPct = years != 0 ? (pow(stats.equityFinal / equity[0], 1 / years) - 1) * 100 : .nan
        stats.sharpe = stats.returnAnnPct / (stats.volatilityAnnPct == 0 ? .nan : stats.volatilityAnnPct)
        stats.sortino = annualizedReturn / (daily.downsideMeanSquare.squareRoot() * annual.squareRoot())
        let maxDrawdown = drawdown.maxDrawdown
        stats.calmar = annualizedReturn / (maxDrawdown == 0 ? .nan : maxDrawdown)

        stats.alphaPct = stats.returnPct - beta * stats.buyHoldReturnPct
        stats.beta = beta
        stats.maxDrawdownPct = -maxDrawdown * 100
        stats.avgDrawdownPct = -drawdown.averagePeak * 100
        stats.maxDrawdownDuration = ceil(drawdown.maxDuration, to: resolution)
        stats.avgDrawdownDuration = ceil(drawdown.averageDuration, to: resolution)

        let n = closed.count
        stats.trades = n
        let trades = TradeSummary(closed, bars: count)
        stats.exposureTimePct = Double(trades.exposedBars) / Double(count) * 100
        stats.commissions = trades.commissions
        let winRate = n == 0 ? Double.nan : Double(trades.wins) / Double(n)
        stats.winRatePct = winRate * 100
        stats.bestTradePct = trades.bestReturn * 100
        stats.worstTradePct = trades.worstReturn * 100
        stats.avgTradePct = trades.geometricMean * 100
        let durations = trades.durationCount
        stats.maxTradeDuration = ceil(durations == 0 ? .nan : trades.longestDuration, to: resolution)
        stats.avgTradeDuration = ceil(durations == 0 ? .nan : trades.durationSum / Double(durations), to: resolution)
        let losses = abs(trades.losses)
        stats.profitFactor = trades.gains / (losses == 0 ? .nan : losses)
        let mean = n == 0 ? Double.nan : trades.pnlSum / Double(n)
        stats.expectancyPct = (n == 0 ? Double.nan : trades.returnSum / Double(n)) * 100
        let deviation = trades.pnlVariance.squareRoot()
        stats.sqn = Double(n).squareRoot() * mean / (deviation == 0 ? .nan : deviation)
        let averageWin = trades.wins == 0 ? Double.nan : trades.winSum / Double(trades.wins)
        let averageLoss = trades.losingCount == 0 ? Double.nan : -(trades.lossSum / Double(trades.losingCount))
        stats.kelly = winRate - (1 - winRate) / (averageWin / averageLoss)
        return stats
    }

    /// Bars inside `[entry_bar, exit_bar]` of at least one closed trade, by merging the intervals in
    /// order of entry (`TradeSummary` merges trades closed one at a time, which come in that order,
    /// in its pass over the records; any other list comes here).
    static func exposedBarsSorting(_ trades: [TradeRecord], count: Int) -> Int {
        let intervals = trades.compactMap { trade in
            trade.exitBar.map { (max(0, trade.entryBar), min($0, count - 1)) }
        }.sorted { $0.0 < $1.0 }
        var covered = 0
        var end = -1
        for (start, stop) in intervals { merge(start, stop, into: &covered, end: &end) }
        return covered
    }

    @inline(__always)
    static func merge(_ start: Int, _ stop: Int, into covered: inout Int, end: inout Int) {
        guard stop >= start else { return }
        if start > end {
            covered += stop - start + 1
            end = stop
        } else if stop > end {
            covered += stop - end
            end = stop
        }
    }

    /// β of the per-bar log returns of equity on those of the market (numpy's `cov` with ddof 1), in
    /// one pass: the sums are of values centred on the first return, which keeps the textbook formula
    /// exact enough for returns of any level. Four bars at a time (`LogRatio.of4`), summed in four
    /// lanes.
    static func logReturnBeta(equity: [Double], market: [Double]) -> Double {
        logReturnBeta(equity: equity, market: market, time: nil).beta
    }

    /// β, and with `time` the drawdown summary of the equity taken in the same pass (`DrawdownScan`:
    /// one read of the curve instead of two; nil when β has no pass or the curve is not finite and
    /// positive).
    static func logReturnBeta(equity: [Double], market: [Double], time: [Int64]?) -> (
        beta: Double, drawdowns: Drawdowns.Summary?
    ) {
        let count = equity.count
        guard count > 2, market.count == count, time.map({ $0.count == count }) ?? true else { return (.nan, nil) }
        return equity.withUnsafeBufferPointer { equity in
            market.withUnsafeBufferPointer { market in
                (time ?? []).withUnsafeBufferPointer { times in
                    guard let e = equity.baseAddress, let m = market.baseAddress else { return (.nan, nil) }
                    var scan = DrawdownScan(first: e[0])
                    let scanning = time != nil
                    let shiftX = LogRatio.of(e[1], e[0])
                    let shiftY = LogRatio.of(m[1], m[0])
                    @inline(__always) func four(_ base: UnsafePointer<Double>, _ index: Int) -> SIMD4<Double> {
                        UnsafeRawPointer(base + index).loadUnaligned(as: SIMD4<Double>.self)
                    }
                    var sumX = SIMD4<Double>()
                    var sumY = SIMD4<Double>()
                    var sumXY = SIMD4<Double>()
                    var sumYY = SIMD4<Double>()
                    var index = 1
                    while index + 4 <= count {
                        let values = four(e, index)
                        let x = LogRatio.of4(values, four(e, index - 1)) - shiftX
                        let y = LogRatio.of4(four(m, index), four(m, index - 1)) - shiftY
                        sumX += x
                        sumY += y
                        sumXY += x * y
                        sumYY += y * y
                        if scanning {
                            scan.block(values[0], values[1], values[2], values[3], at: index, time: times)
                        }
                        index += 4
                    }
                    var tail = SIMD4<Double>()
                    while index < count {
                        let x = LogRatio.of(e[index], e[index - 1]) - shiftX
                        let y = LogRatio.of(m[index], m[index - 1]) - shiftY
                        tail += SIMD4(x, y, x * y, y * y)
                        if scanning { scan.step(e[index], at: index, time: times) }
                        index += 1
                    }
                    let n = Double(count - 1)
                    let (x, y) = (sumX.sum() + tail[0], sumY.sum() + tail[1])
                    let covariance = (sumXY.sum() + tail[2]) - x * y / n
                    let variance = (sumYY.sum() + tail[3]) - y * y / n
                    let drawdowns = scanning ? scan.summary(count: count, last: e[count - 1], time: times) : nil
                    return (covariance / variance, drawdowns)
                }
            }
        }
    }

    // MARK: - Calendar

    /// How equity is resampled for the daily-return statistics, and how many such periods make a year.
    enum Grouping {
        case day, week, month, year
    }

    /// Backtesting.py's choice: weekly, monthly or yearly data by the median bar spacing (in whole
    /// days: 7, 31, 365); otherwise calendar days, 365 a year when more than 60% of 2/7 of the bars
    /// fall on weekends (crypto), else 252.
    /// `weekendBars`, when given, is `weekendBars(time)` counted by the caller.
    static func annualPeriods(_ time: [Int64], weekendBars counted: Int? = nil) -> (count: Double, grouping: Grouping) {
        switch spacingDays(time) {
        case 7: return (52, .week)
        case 31: return (12, .month)
        case 365: return (1, .year)
        default:
            let weekend = counted ?? weekendBars(time)
            let share = time.isEmpty ? 0 : Double(weekend) / Double(time.count)
            return (share > 2.0 / 7.0 * 0.6 ? 365 : 252, .day)
        }
    }

    /// The median bar spacing in whole days (NaN spacing: `Int64.min`).
    static func spacingDays(_ time: [Int64]) -> Int64 {
        let days = (medianSpacing(time) / 86_400).rounded(.down)
        return days.isFinite ? Int64(days) : .min
    }

    /// The bars on a Saturday or Sunday (UTC), finding each bar's day only when it leaves the day before.
    static func weekendBars(_ time: [Int64]) -> Int {
        var weekend = 0
        var dayStart = Int64.min
        var isWeekend = false
        for value in time {
            if dayStart == .min || !UTCTime.isTime(value, inDayStartingAt: dayStart) {
                let day = UTCTime.day(of: value)
                dayStart = day * 86_400
                isWeekend = UTCTime.weekday(ofDay: day) >= 5
            }
            weekend += isWeekend ? 1 : 0
        }
        return weekend
    }

    /// The median spacing of the last 100 bars, in seconds (pandas' `index[-100:].diff().median()`).
    static func medianSpacing(_ time: [Int64]) -> Double {
        // A plain loop over indices: a `zip` of slices is a generic type whose metadata the runtime
        // builds on first use, by a conformance search through every loaded library (about a tenth of
        // a millisecond, once per process).
        var gaps: [Double] = []
        gaps.reserveCapacity(99)
        for index in max(1, time.count - 99)..<max(1, time.count) { gaps.append(Double(time[index] - time[index - 1])) }
        gaps.sort()
        guard !gaps.isEmpty else { return .nan }
        let middle = gaps.count / 2
        return gaps.count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2
    }

    /// The smallest non-zero unit of the median spacing (pandas' `resolution_string`), in seconds:
    /// durations are rounded up to it.
    static func resolution(of time: [Int64]) -> Double {
        let spacing = medianSpacing(time)
        guard spacing.isFinite, spacing > 0 else { return 1 }
        for unit in [1.0, 60, 3600, 86_400].reversed() where spacing.truncatingRemainder(dividingBy: unit) == 0 {
            return unit
        }
        return 1e-9
    }

    static func ceil(_ seconds: Double, to unit: Double) -> Double {
        guard seconds.isFinite else { return seconds }
        return (seconds / unit).rounded(.up) * unit
    }

    /// What the annualized statistics need of the returns between the last equities of successive
    /// calendar periods with a bar (pandas' `resample(…).last().dropna().pct_change()`), in one pass.
    struct ReturnMoments {
        /// Backtesting.py's geometric mean (0 when a period lost everything; NaN with no return).
        var geometricMean: Double
        /// Sample variance (ddof 1).
        var variance: Double
        /// mean(min(r, 0)²).
        var downsideMeanSquare: Double
    }

    static func periodReturnMoments(time: [Int64], equity: [Double], grouping: Grouping) -> ReturnMoments {
        if grouping == .day { return dailyReturnMoments(time: time, equity: equity).moments }
        var periods = ReturnAccumulator()
        var last = Double.nan
        var key: Int64?
        for index in time.indices {
            let current = periodKey(time[index], grouping)
            if current != key {
                if key != nil { periods.add(last) }
                key = current
            }
            last = equity[index]
        }
        if key != nil { periods.add(last) }
        return periods.moments
    }

    /// `periodReturnMoments` by calendar day, with the number of bars on weekends (`weekendBars`): one
    /// pass over the times, finding a bar's day only when it leaves the day of the bar before; each
    /// day's last equity is the one before the bar that starts the next day.
    static func dailyReturnMoments(time: [Int64], equity: [Double]) -> (moments: ReturnMoments, weekendBars: Int) {
        var days = ReturnAccumulator()
        var weekend = 0
        let count = min(time.count, equity.count)
        guard count > 0 else { return (days.moments, 0) }
        time.withUnsafeBufferPointer { time in
            equity.withUnsafeBufferPointer { equity in
                var day = UTCTime.day(of: time[0])
                var dayStart = day * 86_400
                var first = 0
                for index in 1..<count where !UTCTime.isTime(time[index], inDayStartingAt: dayStart) {
                    days.add(equity[index - 1])
                    if UTCTime.weekday(ofDay: day) >= 5 { weekend += index - first }
                    day = UTCTime.day(of: time[index])
                    dayStart = day * 86_400
                    first = index
                }
                days.add(equity[count - 1])
                if UTCTime.weekday(ofDay: day) >= 5 { weekend += count - first }
            }
        }
        return (days.moments, weekend)
    }

    static func periodKey(_ time: Int64, _ grouping: Grouping) -> Int64 {
        let day = UTCTime.day(of: time)
        switch grouping {
        case .day: return day
        case .week: return day - UTCTime.weekday(ofDay: day)
        case .month:
            let date = UTCTime.civil(fromDays: day)
            return date.year * 12 + date.month
        case .year: return UTCTime.civil(fromDays: day).year
        }
    }
}
