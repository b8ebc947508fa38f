/// Rolling maximum drawdown of a price or equity `source`, as a positive fraction.
///
/// Over the window x[i − n + 1 … i]: `maxDD = max_k (1 − x_k / max_{j≤k} x_j)`, the largest fall from a
/// running peak *within the window* (Backtesting.py's `1 − equity/cummax(equity)`, maximized). 0 for a
/// window that never falls; 100, 120, 90, 95, 130 gives 1 − 90/120 = 0.25. A window containing a value
/// ≤ 0 is NaN (a fall from a non-positive peak is no fraction).
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` gives all NaN. O(n) per
/// bar.
public enum MaxDrawdown {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar maximum drawdown of `source` into `output`.
    public static func maxDrawdown(
        _ source: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([source], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 1, length <= count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let values = x[0] + range.lowerBound
            for index in (length - 1)..<count {
                result[index] = drawdown(values + (index - length + 1), count: length)
            }
        }
    }

    /// The rolling `length`-bar maximum drawdown of `source`.
    public static func maxDrawdown(_ source: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: source.count) { output in
            source.withUnsafeBufferPointer { maxDrawdown($0, length: length, into: output) }
        }
    }

    /// The maximum drawdown of the `count` values at `x` (NaN if one is ≤ 0); `MaxDrawdownStream` calls it
    /// on its window.
    static func drawdown(_ x: UnsafePointer<Double>, count: Int) -> Double {
        var peak = x[0]
        var largest = 0.0
        for index in 0..<count {
            guard x[index] > 0 else { return .nan }
            peak = Swift.max(peak, x[index])
            largest = Swift.max(largest, 1 - x[index] / peak)
        }
        return largest
    }
}
