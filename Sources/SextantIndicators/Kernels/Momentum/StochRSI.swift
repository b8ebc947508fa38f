/// Stochastic RSI (TA-Lib `STOCHRSI` with an SMA %D): `StochF` applied to `RSI(x, length)` as high,
/// low and close.
///
/// Both outputs start at bar `length + (fastK − 1) + (fastD − 1)` of each NaN-free run (see
/// `ValidRuns`).
public enum StochRSI {
    /// TA-Lib's lookback.
    public static func lookback(length: Int, fastKLength: Int, fastDLength: Int) -> Int {
        length + fastKLength - 1 + fastDLength - 1
    }

    /// Writes %K and %D of the RSI into `k` and `d`. Lengths < 1 give all NaN.
    public static func stochrsi(
        _ input: UnsafeBufferPointer<Double>, length: Int, fastKLength: Int, fastDLength: Int,
        into k: UnsafeMutableBufferPointer<Double>, d: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [k, d]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, count: range.count, length: length, fastK: fastKLength, fastD: fastDLength,
                out[0] + offset, out[1] + offset)
        }
    }

    /// %K and %D of the RSI of `input`.
    public static func stochrsi(
        _ input: [Double], length: Int, fastKLength: Int, fastDLength: Int
    ) -> (k: [Double], d: [Double]) {
        KernelColumns.make2(count: input.count) { k, d in
            input.withUnsafeBufferPointer {
                stochrsi($0, length: length, fastKLength: fastKLength, fastDLength: fastDLength, into: k, d: d)
            }
        }
    }

    /// The run core.
    static func run(
        _ x: UnsafePointer<Double>, count: Int, length: Int, fastK: Int, fastD: Int,
        _ kOut: UnsafeMutablePointer<Double>, _ dOut: UnsafeMutablePointer<Double>
    ) {
        let first = lookback(length: length, fastKLength: fastK, fastDLength: fastD)
        guard length >= 1, fastK >= 1, fastD >= 1, first < count else {
            ValidRuns.fillNaN(kOut, runStart: 0, runEnd: count)
            ValidRuns.fillNaN(dOut, runStart: 0, runEnd: count)
            return
        }
        let rsi = ScratchColumn(count: count)
        RSI.run(x, count: count, length: length, rsi.base)
        let line = rsi.base + length
        StochF.run(
            line, line, line, count: count - length, fastK: fastK, fastD: fastD, kOut + length, dOut + length)
        ValidRuns.fillNaN(kOut, runStart: 0, runEnd: length)
        ValidRuns.fillNaN(dOut, runStart: 0, runEnd: length)
    }
}
