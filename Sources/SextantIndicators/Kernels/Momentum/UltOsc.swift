/// Ultimate oscillator (TA-Lib `ULTOSC`), 0–100.
///
/// Per bar, buying pressure `bp = close − min(low, prevClose)` and the true range. With the three
/// lengths sorted (shortest weight 4, middle 2, longest 1), `ULTOSC = 100·(4·a₁ + 2·a₂ + a₃)/7` where
/// `aⱼ = Σbp/ΣTR` over that window; a window whose TR sum is zero contributes nothing. First valid at bar `max(lengths)` of each NaN-free run (see `ValidRuns`).
public enum UltOsc {
    /// TA-Lib's lookback.
    public static func lookback(fastLength: Int, mediumLength: Int, slowLength: Int) -> Int {
        Swift.max(fastLength, mediumLength, slowLength)
    }

    /// Writes the ultimate oscillator into `output`. Lengths < 1 give all NaN.
    public static func ultosc(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        fastLength: Int, mediumLength: Int, slowLength: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, x[2] + offset, count: range.count,
                lengths: [fastLength, mediumLength, slowLength].sorted(), out[0] + offset)
        }
    }

    /// The ultimate oscillator.
    public static func ultosc(
        high: [Double], low: [Double], close: [Double], fastLength: Int, mediumLength: Int, slowLength: Int
    ) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        ultosc(
                            high: high, low: low, close: close, fastLength: fastLength, mediumLength: mediumLength,
                            slowLength: slowLength, into: output)
                    }
                }
            }
        }
    }

    /// The run core; `lengths` ascending.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        lengths: [Int], _ out: UnsafeMutablePointer<Double>
    ) {
        let short = lengths[0]
        let medium = lengths[1]
        let long = lengths[2]
        guard short >= 1, long < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: long)
        let pressureColumn = ScratchColumn(count: count)
        let rangeColumn = ScratchColumn(count: count)
        let pressure = pressureColumn.base
        let trueRange = rangeColumn.base
        pressure[0] = 0
        trueRange[0] = 0
        for index in 1..<count {
            let previousClose = close[index - 1]
            pressure[index] = close[index] - Swift.min(low[index], previousClose)
            trueRange[index] = TRange.value(high[index], low[index], previousClose)
        }
        var a1 = 0.0
        var b1 = 0.0
        var a2 = 0.0
        var b2 = 0.0
        var a3 = 0.0
        var b3 = 0.0
        for index in (long - short + 1)...long {
            a1 += pressure[index]
            b1 += trueRange[index]
        }
        for index in (long - medium + 1)...long {
            a2 += pressure[index]
            b2 += trueRange[index]
        }
        for index in 1...long {
            a3 += pressure[index]
            b3 += trueRange[index]
        }
        var index = long
        while true {
            var total = 0.0
            if b1 != 0 { total += 4 * (a1 / b1) }
            if b2 != 0 { total += 2 * (a2 / b2) }
            if b3 != 0 { total += a3 / b3 }
            out[index] = 100 * (total / 7)
            index += 1
            if index >= count { break }
            a1 += pressure[index] - pressure[index - short]
            b1 += trueRange[index] - trueRange[index - short]
            a2 += pressure[index] - pressure[index - medium]
            b2 += trueRange[index] - trueRange[index - medium]
            a3 += pressure[index] - pressure[index - long]
            b3 += trueRange[index] - trueRange[index - long]
        }
    }
}
