/// Rolling historical conditional value at risk (expected shortfall) of per-bar `returns`: the mean
/// loss in the window's tail beyond the VaR quantile.
///
/// `CVaR = −mean{ r ∈ window : r ≤ Q(1 − confidence) }` with Q the same linear quantile as
/// `VaRHistorical` — numpy's `-r_w[r_w <= np.quantile(r_w, 1 - confidence)].mean()`. Since Q is
/// interpolated, the tail holds the order statistics at or below it (always at least the minimum), so
/// CVaR ≥ VaR. Returns −5 %, −2 %, 0 %, 1 %, 3 % at 95 %: Q = −4.4 %, tail {−5 %}, CVaR = 0.05.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` or a confidence outside
/// (0, 1) gives all NaN. Cost: O(n) per bar.
public enum CVaRHistorical {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar historical CVaR of `returns` into `output`.
    public static func expectedShortfall(
        _ returns: UnsafeBufferPointer<Double>, length: Int, confidence: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([returns], [output]) { x, out, range in
            HistoricalTail.run(
                x[0] + range.lowerBound, count: range.count, length: length, confidence: confidence,
                valueAtRisk: nil, expectedShortfall: out[0] + range.lowerBound)
        }
    }

    /// The rolling `length`-bar historical CVaR of `returns`.
    public static func expectedShortfall(_ returns: [Double], length: Int, confidence: Double = 0.95) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer {
                expectedShortfall($0, length: length, confidence: confidence, into: output)
            }
        }
    }
}
