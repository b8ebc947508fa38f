/// Fast stochastic (TA-Lib `STOCHF` with an SMA %D).
///
/// `%K = 100·(close − LL)/(HH − LL)` over the last `fastK` bars — 0 when the window is flat
/// (`HH − LL` within `1e-14·(|HH| + |LL|)`, TA-Lib 0.8's scaled test) — and `%D = SMA(%K, fastD)`.
/// Both outputs start at bar `(fastK − 1) + (fastD − 1)` of each NaN-free run (see `ValidRuns`), as
/// TA-Lib aligns them.
public enum StochF {
    /// TA-Lib's lookback.
    public static func lookback(fastKLength: Int, fastDLength: Int) -> Int { fastKLength - 1 + fastDLength - 1 }

    /// Writes %K and %D into `k` and `d`. Lengths < 1 give all NaN.
    public static func stochf(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        fastKLength: Int, fastDLength: Int, into k: UnsafeMutableBufferPointer<Double>,
        d: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [k, d]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, fastK: fastKLength,
                fastD: fastDLength, out[0] + offset, out[1] + offset)
        }
    }

    /// %K and %D.
    public static func stochf(
        high: [Double], low: [Double], close: [Double], fastKLength: Int, fastDLength: Int
    ) -> (k: [Double], d: [Double]) {
        KernelColumns.make2(count: close.count) { k, d in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        stochf(
                            high: high, low: low, close: close, fastKLength: fastKLength, fastDLength: fastDLength,
                            into: k, d: d)
                    }
                }
            }
        }
    }

    /// The run core.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        fastK: Int, fastD: Int, _ kOut: UnsafeMutablePointer<Double>, _ dOut: UnsafeMutablePointer<Double>
    ) {
        let first = fastK - 1 + fastD - 1
        guard fastK >= 1, fastD >= 1, first < count else {
            ValidRuns.fillNaN(kOut, runStart: 0, runEnd: count)
            ValidRuns.fillNaN(dOut, runStart: 0, runEnd: count)
            return
        }
        fastKLine(high, low, close, count: count, length: fastK, kOut)
        SMA.run(kOut + (fastK - 1), count: count - (fastK - 1), length: fastD, dOut + (fastK - 1))
        ValidRuns.fillNaN(kOut, runStart: 0, runEnd: first)
        ValidRuns.fillNaN(dOut, runStart: 0, runEnd: first)
    }

    /// Writes the raw %K into `out[length − 1..<count]` (earlier bars are not written; needs
    /// `count ≥ length`).
    @inline(__always)
    static func fastKLine(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        length: Int, _ out: UnsafeMutablePointer<Double>
    ) {
        let lowest = ScratchColumn(count: count)
        SlidingExtremes.compute(high: high, low: low, count: count, length: length, maximum: out, minimum: lowest.base)
        for index in (length - 1)..<count {
            let highest = out[index]
            let bottom = lowest.base[index]
            let range = highest - bottom
            out[index] =
                Swift.abs(range) > 1e-14 * (Swift.abs(highest) + Swift.abs(bottom))
                ? (close[index] - bottom) / (range / 100) : 0
        }
    }
}
