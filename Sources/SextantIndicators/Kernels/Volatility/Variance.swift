/// Population variance over a window (TA-Lib `VAR`; its `nbdev` has no effect and is not taken).
///
/// `Σ(x − mean)²/n` over the last `n` bars, first valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns`); computed by `RollingVariance` (cancellation-free, never negative, exactly 0 on a flat
/// window).
public enum Variance {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar variance of `input` into `output`. `length` < 1 gives all NaN.
    public static func variance(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar variance of `input`.
    public static func variance(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { variance($0, length: length, into: output) }
        }
    }

    /// The run core.
    /// Returns false if it met a NaN.
    @discardableResult
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) -> Bool {
        guard length >= 1, length - 1 < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return !(0..<count).contains { x[$0].isNaN }
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length - 1)
        return RollingVariance.compute(x, count: count, length: length, mean: nil, variance: out)
    }
}
