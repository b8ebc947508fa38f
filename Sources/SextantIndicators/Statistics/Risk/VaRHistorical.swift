/// Rolling historical value at risk of per-bar `returns`: the loss not exceeded with probability
/// `confidence`, read off the window's own returns.
///
/// `VaR = −Q(1 − confidence)` with Q the linear-interpolation quantile of the last n returns
/// (`LinearQuantile`, numpy's default): `-np.quantile(r_w, 1 - confidence)`. Positive for a loss (0.044
/// is a 4.4 % loss); negative when even the tail of the window is a gain. Returns −5 %, −2 %, 0 %, 1 %,
/// 3 % at 95 %: Q(0.05) = −4.4 %, VaR = 0.044.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` or a confidence outside
/// (0, 1) gives all NaN. Cost: O(n) per bar (a sorted window updated by insertion).
public enum VaRHistorical {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar historical VaR of `returns` into `output`.
    public static func valueAtRisk(
        _ returns: UnsafeBufferPointer<Double>, length: Int, confidence: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([returns], [output]) { x, out, range in
            HistoricalTail.run(
                x[0] + range.lowerBound, count: range.count, length: length, confidence: confidence,
                valueAtRisk: out[0] + range.lowerBound, expectedShortfall: nil)
        }
    }

    /// The rolling `length`-bar historical VaR of `returns`.
    public static func valueAtRisk(_ returns: [Double], length: Int, confidence: Double = 0.95) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { valueAtRisk($0, length: length, confidence: confidence, into: output) }
        }
    }
}
