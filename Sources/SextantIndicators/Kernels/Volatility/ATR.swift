/// Average true range (TA-Lib `ATR`), Wilder-smoothed.
///
/// Seeded at bar `n` of each NaN-free run (see `ValidRuns`) with the mean true range of bars 1…n,
/// then `atr = (atr·(n − 1) + tr)/n` (see `WilderAverage`, four bars per step). Length 1 is the true range itself.
public enum ATR {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the `length`-bar ATR into `output`. `length` < 1 gives all NaN.
    public static func atr(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            return run(x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, length: length, out[0] + offset)
        }
    }

    /// The `length`-bar ATR.
    public static func atr(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        atr(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }

    /// The run core; with `normalized` it writes NATR's `(atr/close)·100` (0 when close is 0).
    /// Returns false if any input bar in the run is NaN.
    @discardableResult
    @inline(__always)
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        length: Int, _ out: UnsafeMutablePointer<Double>, normalized: Bool = false
    ) -> Bool {
        guard length >= 1, length < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return !(0..<count).contains { (high[$0] + low[$0] + close[$0]).isNaN }
        }
        // First the true ranges, in place, in a loop the compiler vectorizes (computing them inside the
        // recursion lets the SLP vectorizer pair bars and lower the final max to branches); then the
        // recursion reads them back. Shifted pointers keep index arithmetic (and its overflow checks)
        // out of the loop. The max would swallow a NaN, so the same loop ORs a NaN test of the inputs it
        // reads into a flag (an integer reduction, which still vectorizes); the three values it does
        // not read are tested beside it.
        let (nextHigh, nextLow, nextOut) = (high + 1, low + 1, out + 1)
        var edges = high[0] + low[0] + close[count - 1]
        var sawNaN: UInt8 = edges != edges ? 1 : 0
        for index in 0..<(count - 1) {
            let (top, bottom, previous) = (nextHigh[index], nextLow[index], close[index])
            nextOut[index] = TRange.value(top, bottom, previous)
            edges = top + bottom + previous
            sawNaN |= edges != edges ? 1 : 0
        }
        var sum = 0.0
        for index in 1...length { sum += out[index] }
        var average = sum / Double(length)
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length)
        let wilder = WilderAverage(length: length)
        out[length] = normalized ? percentOf(average, close[length]) : average
        var index = length + 1
        // Four bars per step (`WilderAverage.step4`): the loop-carried chain is one multiply and one add
        // per four bars; the three averages in between hang off it.
        while index + 3 < count {
            let (a, b, c, d) = (out[index], out[index + 1], out[index + 2], out[index + 3])
            let first = wilder.step(average, a)
            let second = wilder.step(first, b)
            let third = wilder.step(second, c)
            average = wilder.step4(average, a, b, c, d)
            if normalized {
                out[index] = percentOf(first, close[index])
                out[index + 1] = percentOf(second, close[index + 1])
                out[index + 2] = percentOf(third, close[index + 2])
                out[index + 3] = percentOf(average, close[index + 3])
            } else {
                out[index] = first
                out[index + 1] = second
                out[index + 2] = third
                out[index + 3] = average
            }
            index += 4
        }
        while index < count {
            average = wilder.step(average, out[index])
            out[index] = normalized ? percentOf(average, close[index]) : average
            index += 1
        }
        return sawNaN == 0
    }

    @inline(__always)
    private static func percentOf(_ average: Double, _ close: Double) -> Double {
        close != 0 ? (average / close) * 100 : 0
    }
}
