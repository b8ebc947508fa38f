/// Momentum (TA-Lib `MOM`): `x[i] − x[i−n]`, first valid at bar `n` of each NaN-free run (see
/// `ValidRuns`).
public enum MOM {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar momentum of `input` into `output`. `length` < 1 gives all NaN.
    public static func mom(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar momentum of `input`.
    public static func mom(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { mom($0, length: length, into: output) }
        }
    }

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        guard length >= 1, length < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length)
        for index in length..<count { out[index] = x[index] - x[index - length] }
    }
}
