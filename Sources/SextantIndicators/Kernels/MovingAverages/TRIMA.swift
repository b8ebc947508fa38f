/// Triangular moving average (TA-Lib `TRIMA`).
///
/// Weights rise 1, 2, … to the middle and fall back to 1 over `n` bars, which is an SMA of an SMA:
/// `SMA(SMA(x, ⌈n/2⌉ or n/2), n/2 + 1)` for even `n` (weights 1…n/2, n/2…1) and
/// `SMA(SMA(x, (n+1)/2), (n+1)/2)` for odd `n`. First valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns`).
public enum TRIMA {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar TRIMA of `input` into `output`. `length` < 1 gives all NaN.
    public static func trima(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar TRIMA of `input`.
    public static func trima(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { trima($0, length: length, into: output) }
        }
    }

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        guard length >= 1, length - 1 < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        let inner = length % 2 == 0 ? length / 2 : (length + 1) / 2
        let outer = length % 2 == 0 ? length / 2 + 1 : (length + 1) / 2
        let averaged = ScratchColumn(count: count)
        SMA.run(x, count: count, length: inner, averaged.base)
        let shift = inner - 1
        SMA.run(averaged.base + shift, count: count - shift, length: outer, out + shift)
        ValidRuns.fillNaN(out, runStart: 0, runEnd: shift)
    }
}
