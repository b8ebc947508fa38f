/// True range (TA-Lib `TRANGE`): `max(high − low, |high − prevClose|, |low − prevClose|)`.
///
/// The first bar of each NaN-free run has no previous close and is NaN (see `ValidRuns`).
public enum TRange {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { 1 }

    /// Writes the true range into `output`.
    public static func trange(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            return run(x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, out[0] + offset)
        }
    }

    /// The run core: NaN on the first bar, then the true ranges, in a loop the compiler vectorizes.
    /// Returns false if any input bar in the run is NaN (the max would swallow some, so the loop ORs
    /// a NaN test of the inputs it reads into a flag, an integer reduction that still vectorizes; the
    /// three values it does not read are tested beside it). Skipping the separate NaN scan of
    /// `KernelColumns.run` cuts the time to about a third.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        _ out: UnsafeMutablePointer<Double>
    ) -> Bool {
        out[0] = .nan
        let edges = high[0] + low[0] + close[count - 1]
        var sawNaN: UInt8 = edges != edges ? 1 : 0
        // Shifted pointers keep index arithmetic (and its overflow checks) out of the loop.
        let (nextHigh, nextLow, nextOut) = (high + 1, low + 1, out + 1)
        for index in 0..<(count - 1) {
            let (top, bottom, previous) = (nextHigh[index], nextLow[index], close[index])
            nextOut[index] = value(top, bottom, previous)
            let probe = top + bottom + previous
            sawNaN |= probe != probe ? 1 : 0
        }
        return sawNaN == 0
    }

    /// The true range.
    public static func trange(high: [Double], low: [Double], close: [Double]) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in trange(high: high, low: low, close: close, into: output) }
                }
            }
        }
    }

    /// The true ranges of bars `index` and `index + 1`, in explicit vector form: left to itself, the
    /// SLP vectorizer pairs two scalar true ranges and lowers the final select to branches.
    @inline(__always)
    static func pair(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, _ index: Int
    ) -> SIMD2<Double> {
        let highs = SIMD2(high[index], high[index + 1])
        let lows = SIMD2(low[index], low[index + 1])
        let previousCloses = SIMD2(close[index - 1], close[index])
        let gaps = Branchless.max(Branchless.abs(highs - previousCloses), Branchless.abs(lows - previousCloses))
        return Branchless.max(highs - lows, gaps)
    }

    /// The true range of one bar given the previous close.
    @inline(__always)
    static func value(_ high: Double, _ low: Double, _ previousClose: Double) -> Double {
        Branchless.max(high - low, Branchless.max(Swift.abs(high - previousClose), Swift.abs(low - previousClose)))
    }
}
