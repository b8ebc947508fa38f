/// Money flow index (TA-Lib `MFI`), 0–100.
///
/// Typical price `tp = (high + low + close)/3`; a bar's money flow `tp·volume` counts as positive when
/// `tp` rose and negative when it fell, and as nothing when `|Δtp| ≤ 1e-14·(|tp| + |prevTp|)` (TA-Lib
/// 0.8's scaled dead zone). `MFI = 100·pos/(pos + neg)` over the last `n` flows, 0 when the window
/// received no flow. First valid at bar `n` of each NaN-free run (see `ValidRuns`).
public enum MFI {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar MFI into `output`. `length` < 1 gives all NaN.
    public static func mfi(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        volume: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close, volume], [output]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, x[2] + offset, x[3] + offset, count: range.count, length: length,
                out[0] + offset)
        }
    }

    /// The `length`-bar MFI.
    public static func mfi(high: [Double], low: [Double], close: [Double], volume: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        volume.withUnsafeBufferPointer { volume in
                            mfi(high: high, low: low, close: close, volume: volume, length: length, into: output)
                        }
                    }
                }
            }
        }
    }

    /// The run core.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>,
        _ volume: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>
    ) {
        guard length >= 1, length < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length)
        let positiveColumn = ScratchColumn(count: count)
        let negativeColumn = ScratchColumn(count: count)
        let positive = positiveColumn.base
        let negative = negativeColumn.base
        var previous = (high[0] + low[0] + close[0]) / 3
        positive[0] = 0
        negative[0] = 0
        var positiveSum = 0.0
        var negativeSum = 0.0
        // Bars in a row that added no flow: once a whole window of them has passed, the sums are
        // exactly zero and their add-then-subtract residue is dropped (TA-Lib 0.8).
        var emptyRun = 0
        for index in 1..<count {
            let typical = (high[index] + low[index] + close[index]) / 3
            let change = typical - previous
            let flow =
                Swift.abs(change) <= 1e-14 * (Swift.abs(typical) + Swift.abs(previous)) ? 0 : typical * volume[index]
            previous = typical
            let up = change < 0 ? 0 : flow
            let down = change < 0 ? flow : 0
            positive[index] = up
            negative[index] = down
            if index > length {
                positiveSum -= positive[index - length]
                negativeSum -= negative[index - length]
            }
            positiveSum += up
            negativeSum += down
            emptyRun = flow == 0 ? emptyRun + 1 : 0
            if emptyRun >= length {
                emptyRun = length
                positiveSum = 0
                negativeSum = 0
            }
            if index >= length {
                let total = positiveSum + negativeSum
                let clamped = Swift.min(Swift.max(positiveSum, 0), total)
                out[index] = total <= 0 ? 0 : 100 * (clamped / total)
            }
        }
    }
}
