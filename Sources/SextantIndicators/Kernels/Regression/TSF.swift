/// Time series forecast: the least-squares line over the last `n` values, one bar ahead (TA-Lib `TSF`).
///
/// See `LinearRegression` for the formula; first valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns`).
public enum TSF {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the result for `input` into `output`. `length` < 1 gives all NaN.
    public static func tsf(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            LinearRegression.run(
                x[0] + range.lowerBound, count: range.count, length: length, output: .forecast,
                out[0] + range.lowerBound)
        }
    }

    /// The result for `input`.
    public static func tsf(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { tsf($0, length: length, into: output) }
        }
    }
}
