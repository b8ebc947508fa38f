/// Rolling longest drawdown duration of a price or equity `source`, in bars.
///
/// Over the window x[i − n + 1 … i], a bar is *under water* when its value is strictly below the
/// running peak of the window up to it; the result is the longest run of consecutive under-water bars
/// (0 for a window that never falls). 100, 120, 90, 95, 130 gives 2 (the bars at 90 and 95). This
/// counts the bars spent below the peak; Backtesting.py's "Max. Drawdown Duration" measures from the
/// peak bar to the recovery bar, one bar more for a drawdown that recovers (see docs/statistics.md).
///
/// First valid at bar `n − 1` of each NaN-free run (see `ValidRuns`); `n < 1` gives all NaN. O(n) per
/// bar.
public enum DrawdownDuration {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling `length`-bar longest drawdown duration of `source` into `output`.
    public static func drawdownDuration(
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
                result[index] = Double(longestUnderWater(values + (index - length + 1), count: length))
            }
        }
    }

    /// The rolling `length`-bar longest drawdown duration of `source`.
    public static func drawdownDuration(_ source: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: source.count) { output in
            source.withUnsafeBufferPointer { drawdownDuration($0, length: length, into: output) }
        }
    }

    /// The longest run of under-water bars among the `count` values at `x`; `DrawdownDurationStream`
    /// calls it on its window.
    static func longestUnderWater(_ x: UnsafePointer<Double>, count: Int) -> Int {
        var peak = x[0]
        var run = 0
        var longest = 0
        for index in 0..<count {
            if x[index] < peak {
                run += 1
                longest = Swift.max(longest, run)
            } else {
                peak = x[index]
                run = 0
            }
        }
        return longest
    }
}
