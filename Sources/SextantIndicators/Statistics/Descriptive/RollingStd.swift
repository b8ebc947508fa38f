/// Rolling *sample* standard deviation (ddof = 1) over the last `n` values:
/// `√(Σ(x − x̄)²/(n − 1))`, numpy's `x[i−n+1:i+1].std(ddof=1)` and pandas' `rolling(n).std()`.
///
/// TA-Lib's `STDDEV` (the `stddev` builtin) divides by n instead; this is `StdDev`'s population value
/// times `√(n/(n − 1))`, from the same cancellation-free `RollingVariance`. First valid at bar `n − 1` of
/// each NaN-free run (see `ValidRuns`); `n < 2` gives all NaN.
public enum RollingStd {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar sample standard deviation of `input` into `output`.
    public static func std(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            let result = out[0] + range.lowerBound
            guard length >= 2, length <= range.count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: range.count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            RollingVariance.compute(
                x[0] + range.lowerBound, count: range.count, length: length, mean: nil, variance: result)
            let correction = Double(length) / Double(length - 1)
            for index in (length - 1)..<range.count { result[index] = (result[index] * correction).squareRoot() }
        }
    }

    /// The rolling `length`-bar sample standard deviation of `input`.
    public static func std(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { std($0, length: length, into: output) }
        }
    }
}
