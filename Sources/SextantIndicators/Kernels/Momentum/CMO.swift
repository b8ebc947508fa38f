/// Chande momentum oscillator as TA-Lib computes it (`CMO`): Wilder-smoothed gains and losses.
///
/// The averages are RSI's (see `RSI`), not Chande's plain sums: `CMO = 100·(gain − loss)/(gain + loss)`,
/// 0 when the sum is zero; first valid at bar `n` of each NaN-free run (see `ValidRuns`).
public enum CMO {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar CMO of `input` into `output`. `length` < 1 gives all NaN.
    public static func cmo(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            RSI.run(
                x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound,
                oscillator: true)
        }
    }

    /// The `length`-bar CMO of `input`.
    public static func cmo(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { cmo($0, length: length, into: output) }
        }
    }
}
