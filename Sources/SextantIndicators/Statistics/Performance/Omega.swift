/// Rolling Omega ratio of per-bar `returns` at a `threshold` return.
///
/// `Ω = Σ max(r − t, 0) / Σ max(t − r, 0)` over the last n returns: the gains above the threshold
/// over the shortfalls below it (Keating and Shadwick), numpy's
/// `np.maximum(r_w - t, 0).sum() / np.maximum(t - r_w, 0).sum()`. Ω > 1 when the window's returns beat
/// t on balance. IEEE division: no return below t gives +∞ (NaN when every return equals t).
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` gives all NaN. O(1) per
/// bar (`WindowSum`, so "no shortfall" is an exact 0).
public enum Omega {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar Omega ratio of `returns` above `threshold` into `output`.
    public static func omega(
        _ returns: UnsafeBufferPointer<Double>, length: Int, threshold: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([returns], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 1, length <= count, !threshold.isNaN else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let r = x[0] + range.lowerBound
            let gains = ScratchColumn(count: count)
            let losses = ScratchColumn(count: count)
            for index in 0..<count {
                gains.base[index] = Swift.max(r[index] - threshold, 0)
                losses.base[index] = Swift.max(threshold - r[index], 0)
            }
            let lossSums = ScratchColumn(count: count)
            WindowSum.compute(gains.base, count: count, length: length, result)
            WindowSum.compute(losses.base, count: count, length: length, lossSums.base)
            for index in (length - 1)..<count { result[index] /= lossSums.base[index] }
        }
    }

    /// The rolling `length`-bar Omega ratio of `returns` above `threshold`.
    public static func omega(_ returns: [Double], length: Int, threshold: Double = 0) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { omega($0, length: length, threshold: threshold, into: output) }
        }
    }
}
