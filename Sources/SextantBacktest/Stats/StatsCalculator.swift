import Foundation
import SextantCore

/// Backtesting.py 0.6.6's statistics (`backtesting/_stats.py`), definition for definition, with its
/// quirks kept so that its numbers reproduce: see `docs/backtest.md` for each one.
enum StatsCalculator {
    /// The statistics of a run. `closed` are the trades counted (closed ones, plus those closed at the
    /// end with `close_at_end`); `firstTradingBar` is the indicator warm-up (buy & hold starts there).
    static func compute(
        time: [Int64], close: [Double], equity: [Double], closed: [TradeRecord], firstTradingBar: Int
    ) -> BacktestStats {
        var stats = BacktestStats()
        let count = equity.count
        guard count > 0, time.count == count else { return stats }
        let iso = { (value: Int64) in UTCTime.iso8601(value, dateOnly: false) }
        stats.start = iso(time[0])
        stats.end = iso(time[count - 1])
        let durationSeconds = Double(time[count - 1] - time[0])
        stats.duration = durationSeconds

        let drawdown = Drawdowns(equity: equity, time: time)
        let resolution = Self.resolution(of: time)

        var exposed = [Bool](repeating: false, count: count)
        for trade in closed {
            guard let exit = trade.exitBar else { continue }
            for bar in max(0, trade.entryBar)...min(exit, count - 1) { exposed[bar] = true }
        }
        stats.exposureTimePct = Double(exposed.count { $0 }) / Double(count) * 100
        stats.equityFinal = equity[count - 1]
        stats.equityPeak = equity.max() ?? .nan
        stats.commissions = closed.reduce(0) { $0 + $1.commission }
        stats.returnPct = (equity[count - 1] - equity[0]) / equity[0] * 100
        let first = min(max(0, firstTradingBar), count - 1)
        stats.buyHoldReturnPct = (close[count - 1] - close[first]) / close[first] * 100

        let periods = Self.annualPeriods(time)
        let dayReturns = Self.periodReturns(time: time, equity: equity, grouping: periods.grouping)
        let g = Self.geometricMean(dayReturns)
        let annual = periods.count
        let annualizedReturn = pow(1 + g, annual) - 1
        stats.returnAnnPct = annualizedReturn * 100
        let variance = Self.variance(dayReturns, ddof: 1)
        stats.volatilityAnnPct = (pow(variance + pow(1 + g, 2), annual) - pow(1 + g, 2 * annual)).squareRoot() * 100
        let years = durationSeconds / 86_400 / 365.25
        stats.cagrPct = years != 0 ? (pow(stats.equityFinal / equity[0], 1 / years) - 1) * 100 : .nan
        stats.sharpe = stats.returnAnnPct / (stats.volatilityAnnPct == 0 ? .nan : stats.volatilityAnnPct)
        let downside =
            dayReturns.isEmpty
            ? Double.nan : dayReturns.reduce(0) { $0 + pow(min($1, 0), 2) } / Double(dayReturns.count)
        stats.sortino = annualizedReturn / (downside.squareRoot() * annual.squareRoot())
        let maxDrawdown = drawdown.maxDrawdown
        stats.calmar = annualizedReturn / (maxDrawdown == 0 ? .nan : maxDrawdown)

        var equityLog: [Double] = []
        var marketLog: [Double] = []
        for index in 1..<max(1, count) {
            equityLog.append(log(equity[index] / equity[index - 1]))
            marketLog.append(log(close[index] / close[index - 1]))
        }
        var beta = Double.nan
        if equityLog.count > 1 {
            beta = Self.covariance(equityLog, marketLog) / Self.covariance(marketLog, marketLog)
        }
        stats.alphaPct = stats.returnPct - beta * stats.buyHoldReturnPct
        stats.beta = beta
        stats.maxDrawdownPct = -maxDrawdown * 100
        stats.avgDrawdownPct = -drawdown.averagePeak * 100
        stats.maxDrawdownDuration = ceil(drawdown.maxDuration, to: resolution)
        stats.avgDrawdownDuration = ceil(drawdown.averageDuration, to: resolution)

        let n = closed.count
        stats.trades = n
        let pnl = closed.map(\.pnl)
        let returns = closed.map { $0.returnPct / 100 }
        let durations = closed.compactMap(\.durationSeconds)
        let winRate = n == 0 ? Double.nan : Double(pnl.count { $0 > 0 }) / Double(n)
        stats.winRatePct = winRate * 100
        stats.bestTradePct = (returns.max() ?? .nan) * 100
        stats.worstTradePct = (returns.min() ?? .nan) * 100
        stats.avgTradePct = Self.geometricMean(returns) * 100
        stats.maxTradeDuration = ceil(durations.max() ?? .nan, to: resolution)
        stats.avgTradeDuration = ceil(Self.mean(durations), to: resolution)
        let gains = returns.filter { $0 > 0 }.reduce(0, +)
        let losses = abs(returns.filter { $0 < 0 }.reduce(0, +))
        stats.profitFactor = gains / (losses == 0 ? .nan : losses)
        stats.expectancyPct = Self.mean(returns) * 100
        let deviation = Self.variance(pnl, ddof: 1).squareRoot()
        stats.sqn = Double(n).squareRoot() * Self.mean(pnl) / (deviation == 0 ? .nan : deviation)
        let averageWin = Self.mean(pnl.filter { $0 > 0 })
        let averageLoss = -Self.mean(pnl.filter { $0 < 0 })
        stats.kelly = winRate - (1 - winRate) / (averageWin / averageLoss)
        return stats
    }

    // MARK: - Calendar

    /// How equity is resampled for the daily-return statistics, and how many such periods make a year.
    enum Grouping {
        case day, week, month, year
    }

    /// Backtesting.py's choice: weekly, monthly or yearly data by the median bar spacing (in whole
    /// days: 7, 31, 365); otherwise calendar days, 365 a year when more than 60% of 2/7 of the bars
    /// fall on weekends (crypto), else 252.
    static func annualPeriods(_ time: [Int64]) -> (count: Double, grouping: Grouping) {
        let days = Int64((medianSpacing(time) / 86_400).rounded(.down))
        switch days {
        case 7: return (52, .week)
        case 31: return (12, .month)
        case 365: return (1, .year)
        default:
            let weekend = time.count { UTCTime.weekday(ofDay: UTCTime.day(of: $0)) >= 5 }
            let share = time.isEmpty ? 0 : Double(weekend) / Double(time.count)
            return (share > 2.0 / 7.0 * 0.6 ? 365 : 252, .day)
        }
    }

    /// The median spacing of the last 100 bars, in seconds (pandas' `index[-100:].diff().median()`).
    static func medianSpacing(_ time: [Int64]) -> Double {
        let tail = time.suffix(100)
        let gaps = zip(tail.dropFirst(), tail).map { Double($0 - $1) }.sorted()
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

    /// The last equity of each calendar period with a bar, as percent changes between periods.
    static func periodReturns(time: [Int64], equity: [Double], grouping: Grouping) -> [Double] {
        var lasts: [Double] = []
        var current: Int64?
        for index in time.indices {
            let key = periodKey(time[index], grouping)
            if key != current {
                lasts.append(equity[index])
                current = key
            } else {
                lasts[lasts.count - 1] = equity[index]
            }
        }
        return zip(lasts.dropFirst(), lasts).map { $0 / $1 - 1 }
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

    // MARK: - Moments

    /// Backtesting.py's `geometric_mean`: 0 when any return is −100% or worse.
    static func geometricMean(_ returns: [Double]) -> Double {
        guard !returns.isEmpty else { return .nan }
        var sum = 0.0
        for value in returns {
            let growth = (value.isNaN ? 0 : value) + 1
            if growth <= 0 { return 0 }
            sum += log(growth)
        }
        return exp(sum / Double(returns.count)) - 1
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    static func variance(_ values: [Double], ddof: Int) -> Double {
        guard values.count > ddof else { return .nan }
        let average = mean(values)
        return values.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(values.count - ddof)
    }

    static func covariance(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count, a.count > 1 else { return .nan }
        let meanA = mean(a)
        let meanB = mean(b)
        var sum = 0.0
        for index in a.indices { sum += (a[index] - meanA) * (b[index] - meanB) }
        return sum / Double(a.count - 1)
    }
}
