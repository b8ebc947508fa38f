/// Parabolic stop and reverse (TA-Lib `SAR`).
///
/// TA-Lib's bootstrap: the direction of bar 1 is short when bar 1's −DM is positive (`prevLow − low > 0`
/// and larger than `high − prevHigh`), long otherwise; the first SAR is bar 0's low (long) or high
/// (short) and the first extreme point bar 1's high (long) or low (short). Then Wilder's rules:
/// `sar += af·(ep − sar)`, `af` grows by `acceleration` up to `maximum` on each new extreme, the SAR
/// never enters the last two bars' range, and a penetration reverses to the extreme point. An
/// `acceleration` above `maximum` is lowered to it. First valid at bar 1 of each NaN-free run (see
/// `ValidRuns`).
public enum SAR {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { 1 }

    /// Writes the parabolic SAR into `output`.
    public static func sar(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, acceleration: Double, maximum: Double,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low], [output]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, count: range.count, acceleration: acceleration, maximum: maximum,
                out[0] + offset)
        }
    }

    /// The parabolic SAR.
    public static func sar(high: [Double], low: [Double], acceleration: Double, maximum: Double) -> [Double] {
        KernelColumns.make(count: high.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    sar(high: high, low: low, acceleration: acceleration, maximum: maximum, into: output)
                }
            }
        }
    }

    /// The run core.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, count: Int, acceleration: Double,
        maximum: Double, _ out: UnsafeMutablePointer<Double>
    ) {
        out[0] = .nan
        guard count > 1 else { return }
        let step = Swift.min(acceleration, maximum)
        var factor = step
        let up = high[1] - high[0]
        let down = low[0] - low[1]
        var isLong = !(down > 0 && up < down)
        var extreme: Double
        var sar: Double
        if isLong {
            extreme = high[1]
            sar = low[0]
        } else {
            extreme = low[1]
            sar = high[0]
        }
        var newLow = low[1]
        var newHigh = high[1]
        for index in 1..<count {
            let previousLow = newLow
            let previousHigh = newHigh
            newLow = low[index]
            newHigh = high[index]
            if isLong {
                if newLow <= sar {
                    // Reverse to short at the extreme point, kept above the last two highs.
                    isLong = false
                    sar = Swift.max(extreme, previousHigh, newHigh)
                    out[index] = sar
                    factor = step
                    extreme = newLow
                    sar += factor * (extreme - sar)
                    sar = Swift.max(sar, previousHigh, newHigh)
                } else {
                    out[index] = sar
                    if newHigh > extreme {
                        extreme = newHigh
                        factor = Swift.min(factor + step, maximum)
                    }
                    sar += factor * (extreme - sar)
                    sar = Swift.min(sar, previousLow, newLow)
                }
            } else if newHigh >= sar {
                // Reverse to long at the extreme point, kept below the last two lows.
                isLong = true
                sar = Swift.min(extreme, previousLow, newLow)
                out[index] = sar
                factor = step
                extreme = newHigh
                sar += factor * (extreme - sar)
                sar = Swift.min(sar, previousLow, newLow)
            } else {
                out[index] = sar
                if newLow < extreme {
                    extreme = newLow
                    factor = Swift.min(factor + step, maximum)
                }
                sar += factor * (extreme - sar)
                sar = Swift.max(sar, previousHigh, newHigh)
            }
        }
    }
}
