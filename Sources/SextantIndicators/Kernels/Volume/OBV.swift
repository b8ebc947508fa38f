/// On-balance volume (TA-Lib `OBV`).
///
/// Starts at the first bar's volume; then adds the volume when the close rises, subtracts it when it
/// falls, and keeps the total on an unchanged close. Each NaN-free run of both inputs starts afresh
/// (see `ValidRuns`).
public enum OBV {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { 0 }

    /// Writes the on-balance volume into `output`.
    public static func obv(
        close: UnsafeBufferPointer<Double>, volume: UnsafeBufferPointer<Double>,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([close, volume], [output]) { x, out, range in
            let (close, volume, result) = (x[0], x[1], out[0])
            var total = volume[range.lowerBound]
            result[range.lowerBound] = total
            for index in (range.lowerBound + 1)..<range.upperBound {
                let change = close[index] - close[index - 1]
                if change > 0 {
                    total += volume[index]
                } else if change < 0 {
                    total -= volume[index]
                }
                result[index] = total
            }
        }
    }

    /// The on-balance volume.
    public static func obv(close: [Double], volume: [Double]) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            close.withUnsafeBufferPointer { close in
                volume.withUnsafeBufferPointer { volume in obv(close: close, volume: volume, into: output) }
            }
        }
    }
}
