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
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let (high, low, close, result) = (x[0], x[1], x[2], out[0])
            result[range.lowerBound] = .nan
            for index in (range.lowerBound + 1)..<range.upperBound {
                result[index] = value(high[index], low[index], close[index - 1])
            }
        }
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
