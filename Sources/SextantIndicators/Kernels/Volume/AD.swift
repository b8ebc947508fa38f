/// Chaikin accumulation/distribution line (TA-Lib `AD`).
///
/// `ad += ((close − low) − (high − close))/(high − low) · volume`, skipping bars with `high − low ≤ 0`;
/// the first bar already contributes (no warm-up). Each NaN-free run starts from 0 (see `ValidRuns`).
public enum AD {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { 0 }

    /// Writes the A/D line into `output`.
    public static func ad(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        volume: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close, volume], [output]) { x, out, range in
            let (high, low, close, volume, result) = (x[0], x[1], x[2], x[3], out[0])
            var total = 0.0
            for index in range {
                total += flow(high[index], low[index], close[index], volume[index])
                result[index] = total
            }
        }
    }

    /// The A/D line.
    public static func ad(high: [Double], low: [Double], close: [Double], volume: [Double]) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        volume.withUnsafeBufferPointer { volume in
                            ad(high: high, low: low, close: close, volume: volume, into: output)
                        }
                    }
                }
            }
        }
    }

    /// One bar's money flow volume (0 when the bar has no range).
    @inline(__always)
    static func flow(_ high: Double, _ low: Double, _ close: Double, _ volume: Double) -> Double {
        let span = high - low
        return span > 0 ? (((close - low) - (high - close)) / span) * volume : 0
    }
}
