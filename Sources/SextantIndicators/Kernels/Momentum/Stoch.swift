/// Slow stochastic (TA-Lib `STOCH` with SMA smoothing).
///
/// The raw %K of `StochF` over `fastK` bars, `slowK = SMA(%K, slowK)`, `slowD = SMA(slowK, slowD)`.
/// Both outputs start at bar `(fastK − 1) + (slowK − 1) + (slowD − 1)` of each NaN-free run (see
/// `ValidRuns`).
public enum Stoch {
    /// TA-Lib's lookback.
    public static func lookback(fastKLength: Int, slowKLength: Int, slowDLength: Int) -> Int {
        fastKLength - 1 + slowKLength - 1 + slowDLength - 1
    }

    /// Writes slow %K and %D into `k` and `d`. Lengths < 1 give all NaN.
    public static func stoch(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        fastKLength: Int, slowKLength: Int, slowDLength: Int, into k: UnsafeMutableBufferPointer<Double>,
        d: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [k, d]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, fastK: fastKLength,
                slowK: slowKLength, slowD: slowDLength, out[0] + offset, out[1] + offset)
        }
    }

    /// Slow %K and %D.
    public static func stoch(
        high: [Double], low: [Double], close: [Double], fastKLength: Int, slowKLength: Int, slowDLength: Int
    ) -> (k: [Double], d: [Double]) {
        KernelColumns.make2(count: close.count) { k, d in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        stoch(
                            high: high, low: low, close: close, fastKLength: fastKLength, slowKLength: slowKLength,
                            slowDLength: slowDLength, into: k, d: d)
                    }
                }
            }
        }
    }

    /// The run core.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        fastK: Int, slowK: Int, slowD: Int, _ kOut: UnsafeMutablePointer<Double>,
        _ dOut: UnsafeMutablePointer<Double>
    ) {
        let first = fastK - 1 + slowK - 1 + slowD - 1
        guard fastK >= 1, slowK >= 1, slowD >= 1, first < count else {
            ValidRuns.fillNaN(kOut, runStart: 0, runEnd: count)
            ValidRuns.fillNaN(dOut, runStart: 0, runEnd: count)
            return
        }
        // Raw %K goes into the %D buffer first; slow %K from it into `kOut`; slow %D from that.
        StochF.fastKLine(high, low, close, count: count, length: fastK, dOut)
        let rawStart = fastK - 1
        SMA.run(dOut + rawStart, count: count - rawStart, length: slowK, kOut + rawStart)
        let slowStart = rawStart + slowK - 1
        SMA.run(kOut + slowStart, count: count - slowStart, length: slowD, dOut + slowStart)
        ValidRuns.fillNaN(kOut, runStart: 0, runEnd: first)
        ValidRuns.fillNaN(dOut, runStart: 0, runEnd: first)
    }
}
