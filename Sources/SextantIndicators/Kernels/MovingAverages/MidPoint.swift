/// Midpoint of a window (TA-Lib `MIDPOINT`): `(highest(x, n) + lowest(x, n)) / 2`.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); extremes by
/// `SlidingExtremes` (O(1) per bar).
public enum MidPoint {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar midpoint of `input` into `output`. `length` < 1 gives all NaN.
    public static func midpoint(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            MidPrice.run(
                high: x[0] + range.lowerBound, low: x[0] + range.lowerBound, count: range.count, length: length,
                out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar midpoint of `input`.
    public static func midpoint(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { midpoint($0, length: length, into: output) }
        }
    }
}
