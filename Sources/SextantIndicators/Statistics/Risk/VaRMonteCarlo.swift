/// Rolling Monte Carlo value at risk of per-bar `returns` under a normal fit, deterministic for a seed.
///
/// At each bar: fit μ (mean) and σ (sample standard deviation, ddof = 1) to the window, simulate
/// `paths` returns `μ + σ·zₖ`, and take `−Q(1 − confidence)` of them with the linear quantile of
/// `VaRHistorical`. The standard normal draws zₖ come from `NormalSampler` (Box–Muller on
/// `Xoshiro256StarStar` seeded through `SplitMix64`) and are the *same at every bar* (common random
/// numbers): the value depends only on the window, `confidence`, `paths` and `seed` — not on the bar's
/// position, so a stream evaluator and a backtest agree — and the simulation error is a fixed bias
/// of the seed instead of bar-to-bar noise. Because `μ + σ·z` is increasing in z, the quantile of the
/// simulated returns is `μ + σ·Q_z`, with `Q_z` the quantile of the sorted draws; the draws are made and
/// sorted once per call, and each bar costs O(1). It converges to `VaRParametric` as `paths` grows.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 2`, `paths < 1` or a
/// confidence outside (0, 1) gives all NaN.
public enum VaRMonteCarlo {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// The (1 − confidence)-quantile of `paths` sorted standard normal draws of `seed`.
    public static func standardQuantile(confidence: Double, paths: Int, seed: UInt64) -> Double {
        guard paths >= 1, confidence > 0, confidence < 1 else { return .nan }
        var draws = NormalSampler.draws(count: paths, seed: seed)
        draws.sort()
        return draws.withUnsafeBufferPointer { sorted in
            guard let base = sorted.baseAddress else { return .nan }
            return LinearQuantile.ofSorted(base, count: paths, probability: 1 - confidence)
        }
    }

    /// Writes the rolling `length`-bar Monte Carlo VaR of `returns` into `output`.
    public static func valueAtRisk(
        _ returns: UnsafeBufferPointer<Double>, length: Int, confidence: Double, paths: Int, seed: UInt64,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        let quantile = standardQuantile(confidence: confidence, paths: paths, seed: seed)
        KernelColumns.run([returns], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 2, length <= count, !quantile.isNaN else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let means = ScratchColumn(count: count)
            NormalFit.compute(
                x[0] + range.lowerBound, count: count, length: length, mean: means.base, deviation: result)
            for index in (length - 1)..<count { result[index] = -(means.base[index] + result[index] * quantile) }
        }
    }

    /// The rolling `length`-bar Monte Carlo VaR of `returns`.
    public static func valueAtRisk(
        _ returns: [Double], length: Int, confidence: Double = 0.95, paths: Int = 10_000, seed: UInt64 = 1
    ) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer {
                valueAtRisk($0, length: length, confidence: confidence, paths: paths, seed: seed, into: output)
            }
        }
    }
}
