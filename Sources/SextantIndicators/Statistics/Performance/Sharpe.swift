/// Rolling annualized Sharpe ratio of per-bar `returns` (risk-free rate 0).
///
/// `Sharpe = r̄/s·√periods` over the last n returns, s the *sample* standard deviation (ddof = 1) —
/// numpy's `r_w.mean() / r_w.std(ddof=1) * np.sqrt(periods)`; `periods` is the number of bars in a
/// year (252 for daily bars). Division follows IEEE: a flat window (s = 0) gives ±∞, or NaN when its
/// mean is 0. (Backtesting.py's "Sharpe Ratio" is a different, geometric definition over the whole
/// equity curve; see docs/statistics.md.)
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 2` gives all NaN. O(1) per
/// bar (`RollingVariance`).
public enum Sharpe {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar Sharpe ratio of `returns` into `output`.
    public static func sharpe(
        _ returns: UnsafeBufferPointer<Double>, length: Int, periods: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([returns], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 2, length <= count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let means = ScratchColumn(count: count)
            RollingVariance.compute(
                x[0] + range.lowerBound, count: count, length: length, mean: means.base, variance: result)
            let correction = Double(length) / Double(length - 1)
            let annualization = periods.squareRoot()
            for index in (length - 1)..<count {
                result[index] = means.base[index] / (result[index] * correction).squareRoot() * annualization
            }
        }
    }

    /// The rolling `length`-bar Sharpe ratio of `returns`.
    public static func sharpe(_ returns: [Double], length: Int, periods: Double = 252) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { sharpe($0, length: length, periods: periods, into: output) }
        }
    }
}
