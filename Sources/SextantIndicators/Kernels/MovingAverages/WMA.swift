/// Linearly weighted moving average (TA-Lib `WMA`).
///
/// Weights 1…n, newest `n`, divided by n(n+1)/2; first valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns`). Kept in O(1) per bar with two running sums: the plain window sum `T` and the weighted
/// sum `S`, which advances as `S += n·x[i] − T_previous`; both are rebuilt exactly every `32·n` bars
/// so that rounding cannot drift.
public enum WMA {
    /// TA-Lib's lookback.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar WMA of `input` into `output`. `length` < 1 gives all NaN.
    public static func wma(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar WMA of `input`.
    public static func wma(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { wma($0, length: length, into: output) }
        }
    }

    /// The run core.
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        let n = Double(length)
        let divider = n * (n + 1) / 2
        // Both sums are rebuilt exactly every block so that rounding cannot drift over long series.
        let blockLength = Swift.max(32 * length, 1024)
        var blockStart = first
        while blockStart < count {
            var weighted = 0.0
            var plain = 0.0
            let windowStart = blockStart - first
            for offset in 0..<length {
                let value = x[windowStart + offset]
                weighted += Double(offset + 1) * value
                plain += value
            }
            out[blockStart] = weighted / divider
            let blockEnd = Swift.min(count, blockStart + blockLength)
            var index = blockStart + 1
            while index < blockEnd {
                let newest = x[index]
                weighted += newest * n - plain
                plain += newest - x[index - length]
                out[index] = weighted / divider
                index += 1
            }
            blockStart = blockEnd
        }
    }
}
