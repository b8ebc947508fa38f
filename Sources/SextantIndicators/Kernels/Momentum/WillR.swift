/// Williams' %R (TA-Lib `WILLR`): `−100·(HH − close)/(HH − LL)` over the last `n` bars, −100…0.
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); 0 when the window is flat
/// (`HH − LL` within `1e-14·(|HH| + |LL|)`, TA-Lib 0.8's scaled test).
public enum WillR {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar %R into `output`. `length` < 1 gives all NaN.
    public static func willr(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close], [output]) { x, out, range in
            let offset = range.lowerBound
            run(x[0] + offset, x[1] + offset, x[2] + offset, count: range.count, length: length, out[0] + offset)
        }
    }

    /// The `length`-bar %R.
    public static func willr(high: [Double], low: [Double], close: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        willr(high: high, low: low, close: close, length: length, into: output)
                    }
                }
            }
        }
    }

    /// The run core.
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
        let lowest = ScratchColumn(count: count)
        SlidingExtremes.compute(high: high, low: low, count: count, length: length, maximum: out, minimum: lowest.base)
        for index in first..<count {
            let highest = out[index]
            let bottom = lowest.base[index]
            let range = highest - bottom
            out[index] =
                Swift.abs(range) > 1e-14 * (Swift.abs(highest) + Swift.abs(bottom))
                ? (highest - close[index]) / (range / -100) : 0
        }
    }
}
