import Foundation

/// Rolling Calmar ratio of per-bar `returns`: the compounded annual return over the maximum drawdown
/// of the window's equity curve.
///
/// With the window's returns r₁…rₙ compounded from 1 (E₀ = 1, Eₖ = Eₖ₋₁·(1 + rₖ)):
/// `annual = Eₙ^(periods/n) − 1` (the geometric mean return annualized, Backtesting.py's
/// "Return (Ann.)") and `maxDD = max_k (1 − Eₖ / max_{j≤k} Eⱼ)` (Backtesting.py's "Max. Drawdown",
/// with E₀ counted, so a first-bar loss is a drawdown); `Calmar = annual / maxDD`. IEEE division: a
/// window without a drawdown gives ±∞ (Backtesting.py reports NaN there). A return ≤ −100 % makes the
/// window NaN (the compounded curve is no longer a price).
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` gives all NaN. O(n) per
/// bar.
public enum Calmar {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar Calmar ratio of `returns` into `output`.
    public static func calmar(
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
            let exponent = periods / Double(length)
            for index in (length - 1)..<count {
                result[index] = ratio(r + (index - length + 1), count: length, exponent: exponent)
            }
        }
    }

    /// The rolling `length`-bar Calmar ratio of `returns`.
    public static func calmar(_ returns: [Double], length: Int, periods: Double = 252) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { calmar($0, length: length, periods: periods, into: output) }
        }
    }

    /// The Calmar ratio of the `count` returns at `r` with the annualizing `exponent` (`periods/count`);
    /// `CalmarStream` calls it on its window.
    static func ratio(_ r: UnsafePointer<Double>, count: Int, exponent: Double) -> Double {
        var equity = 1.0
        var peak = 1.0
        var drawdown = 0.0
        for index in 0..<count {
            guard r[index] > -1 else { return .nan }
            equity *= 1 + r[index]
            peak = Swift.max(peak, equity)
            drawdown = Swift.max(drawdown, 1 - equity / peak)
        }
        return (pow(equity, exponent) - 1) / drawdown
    }
}
