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
            let (values, result, count) = (x[0] + range.lowerBound, out[0] + range.lowerBound, range.count)
            guard length >= 1, length - 1 < count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return !(0..<count).contains { values[$0].isNaN }
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            var column = Column(result: result, multiplier: multiplier)
            return RollingVariance.scan(values, count: count, length: length, into: &column)
        }
    }

    /// `multiplier` times the `length`-bar standard deviation of `input`.
    public static func stddev(_ input: [Double], length: Int, multiplier: Double) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { stddev($0, length: length, multiplier: multiplier, into: output) }
        }
    }

    /// Writes `√variance · multiplier` (`StdDevStream` computes the same expression).
    private struct Column: RollingVariance.Sink {
        let result: UnsafeMutablePointer<Double>
        let multiplier: Double

        @inline(__always)
        mutating func write(_ index: Int, mean: SIMD2<Double>, variance: SIMD2<Double>) {
            Lanes.store(Lanes.squareRoot(variance) * multiplier, result + index)
        }

        @inline(__always)
        mutating func write(_ index: Int, mean: Double, variance: Double) {
            result[index] = Lanes.squareRoot(variance) * multiplier
        }
    }
}
