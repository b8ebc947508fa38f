/// Rolling *sample* covariance (ddof = 1) of `a` and `b` over the last `n` bars:
/// `Σ(a − ā)(b − b̄)/(n − 1)`, numpy's `np.cov(a_w, b_w)[0, 1]` and pandas' `rolling(n).cov()`.
///
/// Composed from the shared primitives rather than a third set of running sums: the slope of b on a
/// (`RollingCovariance`, `Σ(a − ā)(b − b̄)/Σ(a − ā)²`) times a's population variance (`RollingVariance`,
/// `Σ(a − ā)²/n`) times `n/(n − 1)`. Both primitives keep their sums cancellation-free, so the product
/// carries their relative accuracy; when a is flat the slope is 0 and so is the covariance (exactly
/// right). First valid at bar `n − 1` of each run where both inputs are numbers (see `ValidRuns`);
/// `n < 2` gives all NaN.
public enum Cov {
    /// Bars before the first value when the inputs start valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar sample covariance of `a` and `b` into `output`.
    public static func cov(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([a, b], [output]) { x, out, range in
            let offset = range.lowerBound
            let count = range.count
            let result = out[0] + offset
            guard length >= 2, length <= count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let variance = ScratchColumn(count: count)
            RollingVariance.compute(x[0] + offset, count: count, length: length, mean: nil, variance: variance.base)
            RollingCovariance.compute(
                x: x[0] + offset, y: x[1] + offset, count: count, length: length, output: .slope, result)
            let correction = Double(length) / Double(length - 1)
            for index in (length - 1)..<count { result[index] *= variance.base[index] * correction }
        }
    }

    /// The rolling `length`-bar sample covariance of `a` and `b`.
    public static func cov(_ a: [Double], _ b: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: a.count) { output in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in cov(a, b, length: length, into: output) }
            }
        }
    }
}
