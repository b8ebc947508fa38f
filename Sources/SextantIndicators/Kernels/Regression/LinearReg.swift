/// The least-squares line over the last `n` values, evaluated at the newest bar (TA-Lib `LINEARREG`).
///
/// See `LinearRegression` for the formula; first valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns`).
public enum LinearReg {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the result for `input` into `output`. `length` < 1 gives all NaN.
    public static func linreg(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            LinearRegression.run(
                x[0] + range.lowerBound, count: range.count, length: length, output: .value, out[0] + range.lowerBound)
        }
    }

    /// The result for `input`.
    public static func linreg(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { linreg($0, length: length, into: output) }
        }
    }
}
