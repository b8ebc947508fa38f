/// Rolling least-squares slope of `y` on `x` *levels* over the last `n` bars (a hedge ratio):
/// `β = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²`, numpy's `np.polyfit(x_w, y_w, 1)[0]`.
///
/// Not TA-Lib's `BETA` (the `beta` builtin), which regresses one-bar *returns*. 0 when x is flat over
/// the window (see `RollingCovariance`). First valid at bar `n − 1` of each run where both inputs are
/// numbers (see `ValidRuns`); `n < 2` gives all NaN.
public enum RollingBeta {
    /// Bars before the first value when the inputs start valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar slope of `y` on `x` into `output`.
    public static func beta(
        y: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([y, x], [output]) { inputs, out, range in
            let offset = range.lowerBound
            let result = out[0] + offset
            guard length >= 2, length <= range.count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: range.count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            RollingCovariance.compute(
                x: inputs[1] + offset, y: inputs[0] + offset, count: range.count, length: length, output: .slope,
                result)
        }
    }

    /// The rolling `length`-bar slope of `y` on `x`.
    public static func beta(y: [Double], x: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: y.count) { output in
            y.withUnsafeBufferPointer { y in
                x.withUnsafeBufferPointer { x in beta(y: y, x: x, length: length, into: output) }
            }
        }
    }
}
