/// Rolling annualized Sortino ratio of per-bar `returns` (target 0).
///
/// `Sortino = r̄ / √(mean(min(r, 0)²)) · √periods` over the last n returns: the downside deviation
/// averages the squared shortfalls over *all* n returns (gains count as 0), Backtesting.py's
/// denominator `sqrt(mean(day_returns.clip(-inf, 0)**2))` — with the arithmetic mean return as the
/// numerator, consistent with `Sharpe` (Backtesting.py's numerator is the compounded annual return;
/// see docs/statistics.md). IEEE division: a window without losses gives +∞ (NaN if its mean is 0 too).
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` gives all NaN. O(1) per
/// bar: both sums are `WindowSum`s, so "no loss in the window" is an exact 0.
public enum Sortino {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar Sortino ratio of `returns` into `output`.
    public static func sortino(
        _ returns: UnsafeBufferPointer<Double>, length: Int, periods: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([returns], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 1, length <= count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let r = x[0] + range.lowerBound
            let shortfalls = ScratchColumn(count: count)
            let downside = ScratchColumn(count: count)
            for index in 0..<count {
                let loss = Swift.min(r[index], 0)
                shortfalls.base[index] = loss * loss
            }
            WindowSum.compute(r, count: count, length: length, result)
            WindowSum.compute(shortfalls.base, count: count, length: length, downside.base)
            let scale = 1 / Double(length)
            let annualization = periods.squareRoot()
            for index in (length - 1)..<count {
                let deviation = (downside.base[index] * scale).squareRoot()
                result[index] = result[index] * scale / deviation * annualization
            }
        }
    }

    /// The rolling `length`-bar Sortino ratio of `returns`.
    public static func sortino(_ returns: [Double], length: Int, periods: Double = 252) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { sortino($0, length: length, periods: periods, into: output) }
        }
    }
}
