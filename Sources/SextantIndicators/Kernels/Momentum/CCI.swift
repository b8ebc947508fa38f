/// Commodity channel index (TA-Lib `CCI`) of the typical price `tp = (high + low + close)/3`.
///
/// `CCI = (tp − mean)/(0.015 · meanDeviation)` over the last `n` typical prices, first valid at bar
/// `n − 1` of each NaN-free run (see `ValidRuns`). As in TA-Lib 0.8, it is 0 when the window is flat:
/// when `|tp − mean|` or the mean deviation is within `1e-14·|mean|`.
///
/// **Why O(n) per bar, when the moving averages and regressions slide in O(1).** The mean slides, but
/// the mean absolute deviation `Σ|tpᵢ − mean|` does not: each time the mean moves, any term may change
/// sign, so no running sum of the window's values (or of their powers) gives it. The one exact
/// sub-linear method — the window in an order-statistic tree keyed by value with subtree sums, so that
/// `Σ|tp − m| = (S_above − c_above·m) + (c_below·m − S_below)` in O(log n) — is exact only in real
/// arithmetic: `S_above − c_above·m` cancels the price level (at 10⁴ with a window spread of 10⁻² it
/// loses six of the sixteen digits), its sums come in a data-dependent order (no bit-identity with
/// TA-Lib's direct sum, and the flat-window test at `1e-14·|mean|` would see rounding of the level, not
/// of the deviations), and at the usual lengths (14–20) its pointer-chasing costs more than the 14–20
/// subtractions and absolute values of the direct pass. So the kernel and `CCIStream` sum the window
/// afresh, as TA-Lib does (decision D19).
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
