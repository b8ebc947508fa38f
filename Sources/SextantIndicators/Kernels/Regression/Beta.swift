/// Beta of `b` on `a` (TA-Lib `BETA`): the least-squares slope of `b`'s one-bar returns on `a`'s over
/// the last `n` returns.
///
/// Returns are `p[i]/p[i−1] − 1` (0 when `p[i−1]` is 0); the slope `Σ(rx − r̄x)(ry − r̄y)/Σ(rx − r̄x)²`
/// is 0 when `a`'s returns are flat (see `RollingCovariance`). First valid at bar `n` of each run where
/// both inputs are numbers (see `ValidRuns`).
public enum Beta {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-return beta of `b` on `a` into `output`. `length` < 1 gives all NaN.
    public static func beta(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([a, b], [output]) { x, out, range in
            let offset = range.lowerBound
            let count = range.count
            let result = out[0] + offset
            guard length >= 1, length < count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length)
            let returnsA = ScratchColumn(count: count)
            let returnsB = ScratchColumn(count: count)
            let (pricesA, pricesB) = (x[0] + offset, x[1] + offset)
            for index in 1..<count {
                returnsA.base[index] = oneBarReturn(pricesA[index], pricesA[index - 1])
                returnsB.base[index] = oneBarReturn(pricesB[index], pricesB[index - 1])
            }
            RollingCovariance.compute(
                x: returnsA.base + 1, y: returnsB.base + 1, count: count - 1, length: length, output: .slope,
                result + 1)
        }
    }

    /// The `length`-return beta of `b` on `a`.
    public static func beta(_ a: [Double], _ b: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: a.count) { output in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in beta(a, b, length: length, into: output) }
            }
        }
    }

    @inline(__always)
    private static func oneBarReturn(_ price: Double, _ previous: Double) -> Double {
        previous != 0 ? (price - previous) / previous : 0
    }
}
