/// Aroon up and down (TA-Lib `AROON`), 0–100.
///
/// Over the last `n + 1` bars (today and `n` back): `up = (100/n)·(n − barsSinceHighestHigh)`,
/// `down = (100/n)·(n − barsSinceLowestLow)`; on ties the most recent bar counts, as in TA-Lib.
/// First valid at bar `n` of each NaN-free run (see `ValidRuns`); extremes by `MonotonicDeque`.
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
        var highest = MonotonicDeque(window: length + 1, kind: .maximum)
        var lowest = MonotonicDeque(window: length + 1, kind: .minimum)
        for index in 0..<length {
            highest.push(index, in: high)
            lowest.push(index, in: low)
        }
        let factor = 100.0 / Double(length)
        for index in length..<count {
            highest.push(index, in: high)
            lowest.push(index, in: low)
            highest.expire(before: index - length)
            lowest.expire(before: index - length)
            let highIndex = highest.front
            let lowIndex = lowest.front
            if let oscillator {
                oscillator[index] = factor * Double(highIndex - lowIndex)
            } else {
                up?[index] = factor * Double(length - (index - highIndex))
                down?[index] = factor * Double(length - (index - lowIndex))
            }
        }
    }
}
