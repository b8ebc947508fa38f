/// Average directional index (TA-Lib `ADX`), 0–100.
///
/// Wilder's smoothed DX (see `DirectionalMovement`); first valid at bar `2n − 1` of each NaN-free run
/// (see `ValidRuns`).
public enum ADX {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { 2 * length - 1 }

    /// Writes the `length`-bar ADX into `output`. `length` < 1 gives all NaN.
    public static func adx(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            DirectionalMovement.run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, length: length,
                output: .adx, out[0] + offset)
        }
    }

    /// The `length`-bar ADX.
    public static func adx(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        adx(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }
}
