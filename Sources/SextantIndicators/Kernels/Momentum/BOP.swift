/// Balance of power (TA-Lib `BOP`): `(close − open)/(high − low)`, 0 when `high − low ≤ 0`.
///
/// No warm-up; NaN at bars where any input is NaN (see `ValidRuns`).
public enum BOP {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { 0 }

    /// Writes the balance of power into `output`.
    public static func bop(
        open: UnsafeBufferPointer<Double>, high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>,
        close: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([open, high, low, close], [output]) { x, out, range in
            let (open, high, low, close, result) = (x[0], x[1], x[2], x[3], out[0])
            for index in range {
                let span = high[index] - low[index]
                result[index] = span > 0 ? (close[index] - open[index]) / span : 0
            }
        }
    }

    /// The balance of power.
    public static func bop(open: [Double], high: [Double], low: [Double], close: [Double]) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            open.withUnsafeBufferPointer { open in
                high.withUnsafeBufferPointer { high in
                    low.withUnsafeBufferPointer { low in
                        close.withUnsafeBufferPointer { close in
                            bop(open: open, high: high, low: low, close: close, into: output)
                        }
                    }
                }
            }
        }
    }
}
