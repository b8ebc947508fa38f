/// Highest value of the last `length` bars (including this one) — the `highest` builtin.
///
/// A `MonotonicDeque` keeps it O(1) amortized per bar. First valid at bar `length − 1` of each
/// NaN-free run (see `ValidRuns`): a window never spans a NaN.
public enum Highest {
    /// Bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the highest of each `length`-bar window of `input` into `output`. `length` < 1 gives all NaN.
    public static func highest(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            let values = x[0] + range.lowerBound
            let result = out[0] + range.lowerBound
            let count = range.count
            guard length >= 1, length - 1 < count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            var window = MonotonicDeque(window: length, kind: .maximum)
            for index in 0..<count {
                window.push(index, in: values)
                window.expire(before: index - length + 1)
                if index >= length - 1 { result[index] = values[window.front] }
            }
        }
    }

    /// The highest of each `length`-bar window of `input`.
    public static func highest(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { highest($0, length: length, into: output) }
        }
    }
}
