/// Aroon up and down (TA-Lib `AROON`), 0–100.
///
/// Over the last `n + 1` bars (today and `n` back): `up = (100/n)·(n − barsSinceHighestHigh)`,
/// `down = (100/n)·(n − barsSinceLowestLow)`; on ties the most recent bar counts, as in TA-Lib.
/// First valid at bar `n` of each NaN-free run (see `ValidRuns`); extremes by `StreamArgExtremes`.
public enum Aroon {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes Aroon up and down into `up` and `down`. `length` < 1 gives all NaN.
    public static func aroon(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, length: Int,
        into up: UnsafeMutableBufferPointer<Double>, down: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low], [up, down]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, count: range.count, length: length, up: out[0] + offset,
                down: out[1] + offset, oscillator: nil)
        }
    }

    /// Aroon up and down.
    public static func aroon(high: [Double], low: [Double], length: Int) -> (up: [Double], down: [Double]) {
        KernelColumns.make2(count: high.count) { up, down in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in aroon(high: high, low: low, length: length, into: up, down: down) }
            }
        }
    }

    /// The run core: writes up/down, or the oscillator `(100/n)·(highestIndex − lowestIndex)`.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, count: Int, length: Int,
        up: UnsafeMutablePointer<Double>?, down: UnsafeMutablePointer<Double>?,
        oscillator: UnsafeMutablePointer<Double>?
    ) {
        let outputs = [up, down, oscillator].compactMap { $0 }
        guard length >= 1, length < count else {
            for out in outputs { ValidRuns.fillNaN(out, runStart: 0, runEnd: count) }
            return
        }
        for out in outputs { ValidRuns.fillNaN(out, runStart: 0, runEnd: length) }
        // The block scheme of `StreamArgExtremes`, which `AroonStream` uses too: O(1) per bar with no
        // data-dependent branch (a monotonic deque pops a data-dependent number of entries per bar,
        // and those branches mispredict on a random walk, about three times slower).
        var extremes = StreamArgExtremes(window: length + 1)
        let factor = 100.0 / Double(length)
        for index in 0..<count {
            // The first `length` bars only fill the window (their outputs are the NaN above).
            guard let window = extremes.next(high: high[index], low: low[index]) else { continue }
            if let oscillator {
                // `highestIndex − lowestIndex` from the two ages (bars ago).
                oscillator[index] = factor * Double(window.lowest - window.highest)
            } else {
                up?[index] = factor * Double(length - window.highest)
                down?[index] = factor * Double(length - window.lowest)
            }
        }
    }
}
