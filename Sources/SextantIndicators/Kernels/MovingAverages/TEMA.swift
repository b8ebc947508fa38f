/// Triple exponential moving average (TA-Lib `TEMA`): `3·E1 − 3·E2 + E3`.
///
/// Chained EMAs, each seeded with the mean of the first `n` values of its own input; the result starts
/// at bar `3(n − 1)` of each NaN-free run (see `ValidRuns`).
public enum TEMA {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { 3 * (length - 1) }

    /// Writes the `length`-bar TEMA of `input` into `output`. `length` < 1 gives all NaN.
    public static func tema(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar TEMA of `input`.
    public static func tema(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { tema($0, length: length, into: output) }
        }
    }

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        let first = lookback(length: length)
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        let shift = length - 1
        let e1 = ScratchColumn(count: count)
        let e2 = ScratchColumn(count: count)
        EMA.run(x, count: count, length: length, e1.base)
        EMA.run(e1.base + shift, count: count - shift, length: length, e2.base + shift)
        EMA.run(e2.base + 2 * shift, count: count - 2 * shift, length: length, out + 2 * shift)
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        for index in first..<count {
            out[index] = 3 * e1.base[index] - 3 * e2.base[index] + out[index]
        }
    }
}
