/// Tillson's T3 (TA-Lib `T3`): six chained EMAs combined with the volume factor `a`.
///
/// `T3 = c1·E6 + c2·E5 + c3·E4 + c4·E3` with `c1 = −a³`, `c2 = 3a² + 3a³`, `c3 = −6a² − 3a − 3a³`,
/// `c4 = 1 + 3a + 3a² + a³`. Each EMA is seeded with the mean of the first `n` values of its own input,
/// so the result starts at bar `6(n − 1)` of each NaN-free run (see `ValidRuns`).
public enum T3 {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { 6 * (length - 1) }

    /// Writes the T3 of `input` into `output`. `length` < 1 gives all NaN.
    public static func t3(
        _ input: UnsafeBufferPointer<Double>, length: Int, volumeFactor: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(
                x[0] + range.lowerBound, count: range.count, length: length, volumeFactor: volumeFactor,
                out[0] + range.lowerBound)
        }
    }

    /// The T3 of `input`.
    public static func t3(_ input: [Double], length: Int, volumeFactor: Double) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { t3($0, length: length, volumeFactor: volumeFactor, into: output) }
        }
    }

    /// The run core.
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, volumeFactor a: Double, _ out: UnsafeMutablePointer<Double>
    ) {
        let first = lookback(length: length)
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        let shift = length - 1
        let e1 = ScratchColumn(count: count)
        let e2 = ScratchColumn(count: count)
        let e3 = ScratchColumn(count: count)
        let e4 = ScratchColumn(count: count)
        let e5 = ScratchColumn(count: count)
        EMA.run(x, count: count, length: length, e1.base)
        EMA.run(e1.base + shift, count: count - shift, length: length, e2.base + shift)
        EMA.run(e2.base + 2 * shift, count: count - 2 * shift, length: length, e3.base + 2 * shift)
        EMA.run(e3.base + 3 * shift, count: count - 3 * shift, length: length, e4.base + 3 * shift)
        EMA.run(e4.base + 4 * shift, count: count - 4 * shift, length: length, e5.base + 4 * shift)
        // E6 goes straight into the output.
        EMA.run(e5.base + 5 * shift, count: count - 5 * shift, length: length, out + 5 * shift)
        let a2 = a * a
        let a3 = a2 * a
        let c1 = -a3
        let c2 = 3 * (a2 + a3)
        let c3 = -3 * (2 * a2 + a + a3)
        let c4 = 1 + 3 * a + a3 + 3 * a2
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        for index in first..<count {
            out[index] = c1 * out[index] + c2 * e5.base[index] + c3 * e4.base[index] + c4 * e3.base[index]
        }
    }
}
