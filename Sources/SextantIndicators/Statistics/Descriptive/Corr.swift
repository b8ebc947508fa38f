/// Rolling Pearson correlation of `a` and `b` over the last `n` bars:
/// `Σ(a − ā)(b − b̄)/√(Σ(a − ā)²·Σ(b − b̄)²)`, numpy's `np.corrcoef(a_w, b_w)[0, 1]`.
///
/// The same values as TA-Lib's `CORREL` (the `correl` builtin), from the shared `RollingCovariance`:
/// clamped to [−1, 1], and 0 — not numpy's NaN — on a window where either series is flat. First valid
/// at bar `n − 1` of each run where both inputs are numbers (see `ValidRuns`); `n < 2` gives all NaN.
public enum Corr {
    /// Bars before the first value when the inputs start valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar correlation of `a` and `b` into `output`.
    public static func corr(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([a, b], [output]) { x, out, range in
            let offset = range.lowerBound
            let result = out[0] + offset
            guard length >= 2, length <= range.count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: range.count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            RollingCovariance.compute(
                x: x[0] + offset, y: x[1] + offset, count: range.count, length: length, output: .correlation, result)
        }
    }

    /// The rolling `length`-bar correlation of `a` and `b`.
    public static func corr(_ a: [Double], _ b: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: a.count) { output in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in corr(a, b, length: length, into: output) }
            }
        }
    }
}
