/// Pearson correlation of two series over a window (TA-Lib `CORREL`).
///
/// `r = Σ(x − x̄)(y − ȳ)/√(Σ(x − x̄)²·Σ(y − ȳ)²)` over the last `n` bars, clamped to [−1, 1] and 0 on a
/// window where either series is flat (see `RollingCovariance`). First valid at bar `n − 1` of each
/// run where both inputs are numbers (see `ValidRuns`).
public enum Correl {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar correlation of `a` and `b` into `output`. `length` < 1 gives all NaN.
    public static func correl(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([a, b], [output]) { x, out, range in
            let offset = range.lowerBound
            let result = out[0] + offset
            guard length >= 1, length - 1 < range.count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: range.count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            RollingCovariance.compute(
                x: x[0] + offset, y: x[1] + offset, count: range.count, length: length, output: .correlation, result)
        }
    }

    /// The `length`-bar correlation of `a` and `b`.
    public static func correl(_ a: [Double], _ b: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: a.count) { output in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in correl(a, b, length: length, into: output) }
            }
        }
    }
}
