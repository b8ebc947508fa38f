/// Midpoint price of a window (TA-Lib `MIDPRICE`): `(highest(high, n) + lowest(low, n)) / 2`.
///
/// First valid at bar `n − 1` of each NaN-free run of both inputs (see `ValidRuns`).
public enum MidPrice {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar midprice into `output`. `length` < 1 gives all NaN.
    public static func midprice(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low], [output]) { x, out, range in
            run(
                high: x[0] + range.lowerBound, low: x[1] + range.lowerBound, count: range.count, length: length,
                out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar midprice.
    public static func midprice(high: [Double], low: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: high.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in midprice(high: high, low: low, length: length, into: output) }
            }
        }
    }

    /// The run core, shared with `MidPoint` (which passes one series as both inputs).
    static func run(
        high: UnsafePointer<Double>, low: UnsafePointer<Double>, count: Int, length: Int,
        _ out: UnsafeMutablePointer<Double>
    ) {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        let lowest = ScratchColumn(count: count)
        // The maximum goes straight into the output.
        SlidingExtremes.compute(
            high: high, low: low, count: count, length: length, maximum: out, minimum: lowest.base)
        for index in first..<count { out[index] = (out[index] + lowest.base[index]) / 2 }
    }
}
