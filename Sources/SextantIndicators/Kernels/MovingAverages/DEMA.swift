/// Double exponential moving average (TA-Lib `DEMA`): `2·E1 − E2`.
///
/// `E1 = EMA(x, n)`, `E2 = EMA(E1, n)`, each EMA seeded with the mean of the first `n` values of its own
/// input, so E2 and the result start at bar `2(n − 1)` of each NaN-free run (see `ValidRuns`).
public enum DEMA {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { 2 * (length - 1) }

    /// Writes the `length`-bar DEMA of `input` into `output`. `length` < 1 gives all NaN.
    public static func dema(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar DEMA of `input`.
    public static func dema(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { dema($0, length: length, into: output) }
        }
    }

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        let first = lookback(length: length)
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        let e1 = ScratchColumn(count: count)
        EMA.run(x, count: count, length: length, e1.base)
        let shift = length - 1
        // E2 is written straight into the output, then combined in place.
        EMA.run(e1.base + shift, count: count - shift, length: length, out + shift)
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        for index in first..<count { out[index] = 2 * e1.base[index] - out[index] }
    }
}
