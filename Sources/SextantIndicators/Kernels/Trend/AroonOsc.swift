/// Aroon oscillator (TA-Lib `AROONOSC`): Aroon up − down, computed as TA-Lib does,
/// `(100/n)·(highestIndex − lowestIndex)` over the last `n + 1` bars.
///
/// First valid at bar `n` of each NaN-free run (see `ValidRuns`).
public enum AroonOsc {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length }

    /// Writes the Aroon oscillator into `output`. `length` < 1 gives all NaN.
    public static func aroonosc(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, length: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low], [output]) { x, out, range in
            let offset = range.lowerBound
            Aroon.run(
                x[0] + offset, x[1] + offset, count: range.count, length: length, up: nil, down: nil,
                oscillator: out[0] + offset)
        }
    }

    /// The Aroon oscillator.
    public static func aroonosc(high: [Double], low: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: high.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in aroonosc(high: high, low: low, length: length, into: output) }
            }
        }
    }
}
