/// Normalized average true range (TA-Lib `NATR`): `(ATR/close)·100`, 0 when close is 0.
///
/// First valid at bar `n` of each NaN-free run (see `ValidRuns`), like `ATR`.
public enum NATR {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar NATR into `output`. `length` < 1 gives all NaN.
    public static func natr(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            return ATR.run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, length: length, out[0] + offset,
                normalized: true)
        }
    }

    /// The `length`-bar NATR.
    public static func natr(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        natr(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }
}
