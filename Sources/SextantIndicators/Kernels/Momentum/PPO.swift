/// Percentage price oscillator with EMAs (TA-Lib `PPO`, `matype = EMA`):
/// `100·(EMA(fast) − EMA(slow))/EMA(slow)`, 0 when the slow EMA is 0.
///
/// Seeded like `APO`; first value at bar `slow − 1` of each NaN-free run (see `ValidRuns`).
public enum PPO {
    /// TA-Lib's lookback.
    public static func lookback(fastLength: Int, slowLength: Int) -> Int { Swift.max(fastLength, slowLength) - 1 }

    /// Writes the PPO of `input` into `output`. Lengths < 1 give all NaN.
    public static func ppo(
        _ input: UnsafeBufferPointer<Double>, fastLength: Int, slowLength: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            APO.run(
                x[0] + range.lowerBound, count: range.count, fast: fastLength, slow: slowLength,
                out[0] + range.lowerBound, percent: true)
        }
    }

    /// The PPO of `input`.
    public static func ppo(_ input: [Double], fastLength: Int, slowLength: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { ppo($0, fastLength: fastLength, slowLength: slowLength, into: output) }
        }
    }
}
