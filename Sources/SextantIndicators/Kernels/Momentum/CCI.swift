/// Commodity channel index (TA-Lib `CCI`) of the typical price `tp = (high + low + close)/3`.
///
/// `CCI = (tp − mean)/(0.015 · meanDeviation)` over the last `n` typical prices, first valid at bar
/// `n − 1` of each NaN-free run (see `ValidRuns`). As in TA-Lib 0.8, it is 0 when the window is flat:
/// when `|tp − mean|` or the mean deviation is within `1e-14·|mean|`.
public enum CCI {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar CCI into `output`. `length` < 1 gives all NaN.
    public static func cci(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            run(x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, length: length, out[0] + offset)
        }
    }

    /// The `length`-bar CCI.
    public static func cci(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        cci(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }

    /// The run core. The mean deviation needs the whole window each bar (O(n) per bar, as TA-Lib).
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        length: Int, _ out: UnsafeMutablePointer<Double>
    ) {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        let typical = ScratchColumn(count: count)
        let tp = typical.base
        for index in 0..<count { tp[index] = (high[index] + low[index] + close[index]) / 3 }
        let n = Double(length)
        for index in first..<count {
            let window = tp + (index - first)
            var sum = 0.0
            for offset in 0..<length { sum += window[offset] }
            let mean = sum / n
            var deviation = 0.0
            for offset in 0..<length { deviation += Swift.abs(window[offset] - mean) }
            deviation /= n
            let distance = tp[index] - mean
            let scale = 1e-14 * Swift.abs(mean)
            if Swift.abs(distance) > scale, Swift.abs(deviation) > scale {
                out[index] = distance / (0.015 * deviation)
            } else {
                out[index] = 0
            }
        }
    }
}
