/// Rolling parametric (variance–covariance, normal) value at risk of per-bar `returns`.
///
/// `VaR = −(μ + σ·Φ⁻¹(1 − confidence))` with μ the window mean, σ the *sample* standard deviation
/// (ddof = 1) and Φ⁻¹ the standard normal quantile (`NormalDistribution.quantile`, AS 241) — scipy's
/// `-(r_w.mean() + r_w.std(ddof=1) * norm.ppf(1 - confidence))`. At 95 %, Φ⁻¹(0.05) = −1.6448536…
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 2` or a confidence outside
/// (0, 1) gives all NaN. O(1) per bar.
public enum VaRParametric {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar parametric VaR of `returns` into `output`.
    public static func valueAtRisk(
        _ returns: UnsafeBufferPointer<Double>, length: Int, confidence: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        let z = NormalDistribution.quantile(1 - confidence)
        KernelColumns.run([returns], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 2, length <= count, confidence > 0, confidence < 1 else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let means = ScratchColumn(count: count)
            NormalFit.compute(
                x[0] + range.lowerBound, count: count, length: length, mean: means.base, deviation: result)
            for index in (length - 1)..<count { result[index] = -(means.base[index] + result[index] * z) }
        }
    }

    /// The rolling `length`-bar parametric VaR of `returns`.
    public static func valueAtRisk(_ returns: [Double], length: Int, confidence: Double = 0.95) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { valueAtRisk($0, length: length, confidence: confidence, into: output) }
        }
    }
}
