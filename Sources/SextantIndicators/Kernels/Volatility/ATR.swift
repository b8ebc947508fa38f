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
    ///
    /// One pass over the columns in blocks of `block` bars: a loop the compiler vectorizes writes the
    /// block's true ranges into `out`, the Wilder recursion reads them back (from L1) and overwrites
    /// them with the averages, and for NATR a vectorized loop divides by the close. The recursion
    /// advances four bars per step on one multiply-add (`WilderAverage.step4`), the three averages in
    /// between hanging off the chain; blocks are a multiple of four bars, so the groups of four run
    /// from the first bar after the seed to the end of the run, as `ATRStream` counts them.
    ///
    /// Why this shape (each alternative was measured slower): two passes over the whole run (true
    /// ranges, then the recursion) send the output column through memory twice, which at a million
    /// bars and more costs more than the arithmetic; long blocks leave the memory system idle while the
    /// recursion runs (short ones let it stream ahead); and computing the true ranges inside the
    /// recursion gets their last select packed in pairs as a compare feeding a branch per bar, which
    /// mispredicts whenever the previous close falls outside the bar.
    ///
    /// Each group's last average, the chain value, is stored one step late, together with the next
    /// group's first three: stored beside the third average of its own group, it lets the SLP
    /// vectorizer pack the two into one vector operation, which drags the three single steps onto the
    /// loop-carried chain (three times as long).
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
        // NaN detection. The true range's selects pass a NaN in `low` or in the previous close through,
        // and the average then stays NaN to the end of the run, which the last test below sees; only a
        // NaN in `high` is swallowed (`high − low` is the first operand of the last select), so the
        // loops OR a NaN test of `high` into a flag (an integer reduction, which still vectorizes).
        // The seed tests all three inputs, and the values no true range reads are tested here. An
        // infinity can also make the average NaN; the caller then finds no NaN run and recomputes, to
        // the same result.
        let edges = high[0] + low[0] + close[count - 1]
        var sawNaN: UInt8 = edges != edges ? 1 : 0
        var sum = 0.0
        for index in 1...length {
            let (top, bottom, previous) = (high[index], low[index], close[index - 1])
            sum += TRange.value(top, bottom, previous)
            let probe = top + bottom + previous
            sawNaN |= probe != probe ? 1 : 0
        }
        var average = sum / Double(length)
        ValidRuns.fillNaN(out, runStart: 0, runEnd: length)
        let wilder = WilderAverage(length: length)
        // `out[start − 1]` holds the pending chain value (first the seed), which the next block
        // rewrites with its first store.
        out[length] = average
        var start = length + 1
        while start < count {
            let size = Swift.min(block, count - start)
            // Shifted pointers keep index arithmetic (and its overflow checks) out of the loops.
            let (top, bottom, previous, target) = (high + start, low + start, close + (start - 1), out + start)
            for offset in 0..<size {
                let value = top[offset]
                target[offset] = TRange.value(value, bottom[offset], previous[offset])
                sawNaN |= value != value ? 1 : 0
            }
            var offset = 0
            while offset + 3 < size {
                let (a, b, c, d) = (target[offset], target[offset + 1], target[offset + 2], target[offset + 3])
                let first = wilder.step(average, a)
                let second = wilder.step(first, b)
                let third = wilder.step(second, c)
                target[offset - 1] = average
                target[offset] = first
                target[offset + 1] = second
                target[offset + 2] = third
                average = wilder.step4(average, a, b, c, d)
                offset += 4
            }
            target[offset - 1] = average
            // Only the last block can end off the grid of four.
            while offset < size {
                average = wilder.step(average, target[offset])
                target[offset] = average
                offset += 1
            }
            // NATR: every bar the block finished, from the previous block's last (which this block's
            // first store rewrote) to its own last but one (which the next block rewrites).
            if normalized { normalize(out, close, from: start - 1, to: start + size - 1) }
            start += size
        }
        if normalized { normalize(out, close, from: count - 1, to: count) }
        return sawNaN == 0 && !average.isNaN
    }

    /// Bars per block: a multiple of four (see `run`). Short blocks keep the loads of the next block
    /// close behind the recursion of this one, so the memory system keeps streaming.
    private static let block = 64

    /// `out[i] = percentOf(out[i], close[i])` for `i` in `start..<end`, in a loop the compiler
    /// vectorizes (a packed division per two bars).
    @inline(__always)
    private static func normalize(
        _ out: UnsafeMutablePointer<Double>, _ close: UnsafePointer<Double>, from start: Int, to end: Int
    ) {
        let (values, closes) = (out + start, close + start)
        for offset in 0..<(end - start) { values[offset] = percentOf(values[offset], closes[offset]) }
    }

    @inline(__always)
    private static func percentOf(_ average: Double, _ close: Double) -> Double {
        close != 0 ? (average / close) * 100 : 0
    }
}
