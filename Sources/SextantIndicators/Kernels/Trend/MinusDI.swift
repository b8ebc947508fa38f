/// Minus directional indicator (TA-Lib `MINUS_DI`): `100·S_−DM/S_TR` with Wilder sums (see
/// `DirectionalMovement`), 0 when the TR sum is 0.
///
/// First valid at bar `n` of each NaN-free run (see `ValidRuns`). At length 1 TA-Lib 0.8.1 returns the
/// raw ratio without the factor 100; this kernel keeps the factor at every length.
public enum MinusDI {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar minus DI into `output`. `length` < 1 gives all NaN.
    public static func minusDI(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            DirectionalMovement.run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, length: length,
                output: .minusDI, out[0] + offset)
        }
    }

    /// The `length`-bar minus DI.
    public static func minusDI(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        minusDI(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }
}
