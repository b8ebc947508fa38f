/// The slope per bar of the least-squares line over the last `n` values (TA-Lib `LINEARREG_SLOPE`).
///
/// See `LinearRegression` for the formula; first valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns`).
public enum LinearRegSlope {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the result for `input` into `output`. `length` < 1 gives all NaN.
    public static func linregSlope(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            LinearRegression.run(
                x[0] + range.lowerBound, count: range.count, length: length, output: .slope, out[0] + range.lowerBound)
        }
    }

    /// The result for `input`.
    public static func linregSlope(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { linregSlope($0, length: length, into: output) }
        }
    }
}
