/// Population standard deviation over a window, times `multiplier` (TA-Lib `STDDEV` with `nbdev`).
///
/// `multiplier·√variance` with the variance of `Variance`; first valid at bar `n − 1` of each NaN-free
/// run (see `ValidRuns`).
public enum StdDev {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes `multiplier` times the `length`-bar standard deviation into `output`. `length` < 1 gives
    /// all NaN.
    public static func stddev(
        _ input: UnsafeBufferPointer<Double>, length: Int, multiplier: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            let result = out[0] + range.lowerBound
            let clean = Variance.run(x[0] + range.lowerBound, count: range.count, length: length, result)
            guard length >= 1, length - 1 < range.count else { return clean }
            for index in (length - 1)..<range.count { result[index] = result[index].squareRoot() * multiplier }
            return clean
        }
    }

    /// `multiplier` times the `length`-bar standard deviation of `input`.
    public static func stddev(_ input: [Double], length: Int, multiplier: Double) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { stddev($0, length: length, multiplier: multiplier, into: output) }
        }
    }
}
