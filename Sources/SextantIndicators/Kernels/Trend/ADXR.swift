/// Average directional movement rating (TA-Lib `ADXR`): `(ADX[i] + ADX[i − (n − 1)])/2`.
///
/// First valid at bar `3n − 2` of each NaN-free run (see `ValidRuns`).
public enum ADXR {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { 3 * length - 2 }

    /// Writes the `length`-bar ADXR into `output`. `length` < 1 gives all NaN.
    public static func adxr(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            let count = range.count
            let result = out[0] + offset
            let first = lookback(length: length)
            guard length >= 1, first < count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            let adx = ScratchColumn(count: count)
            DirectionalMovement.run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: count, length: length, output: .adx, adx.base)
            ValidRuns.fillNaN(result, runStart: 0, runEnd: first)
            for index in first..<count { result[index] = (adx.base[index] + adx.base[index - (length - 1)]) / 2 }
        }
    }

    /// The `length`-bar ADXR.
    public static func adxr(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        adxr(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }
}
