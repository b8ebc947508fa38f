/// Simple moving average (TA-Lib `SMA`).
///
/// `sma[i] = (x[i−n+1] + … + x[i]) / n`, first valid at bar `n − 1` of each NaN-free run (see
/// `ValidRuns` for the NaN policy). The window sum is a running sum that adds the newest value and
/// drops the oldest, recomputed from scratch every `32·n` bars so that rounding cannot drift and a
/// large value leaves no residue once it has left the window.
public enum SMA {
    /// TA-Lib's lookback: bars before the first value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the `length`-bar SMA of `input` into `output` (same count). `length` < 1 gives all NaN.
    public static func sma(
        _ input: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.runOptimistic([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, length: length, out[0] + range.lowerBound)
        }
    }

    /// The `length`-bar SMA of `input`.
    public static func sma(_ input: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { sma($0, length: length, into: output) }
        }
    }

    /// The run core: writes `out[0..<count]`; returns false if it met a NaN (a NaN makes the running
    /// sum NaN until the block ends, where it is checked).
    @discardableResult
    @inline(__always)
    static func run(_ x: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) -> Bool {
        let first = length - 1
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return !(0..<count).contains { x[$0].isNaN }
        }
        var clean = true
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        let scale = 1 / Double(length)
        var blockStart = first
        let blockLength = Swift.max(32 * length, 1024)
        while blockStart < count {
            var sum = 0.0
            for index in (blockStart - first)...blockStart { sum += x[index] }
            out[blockStart] = sum * scale
            let blockEnd = Swift.min(count, blockStart + blockLength)
            var index = blockStart + 1
            // One add on the loop-carried chain: the difference is computed off it.
            while index < blockEnd {
                sum += x[index] - x[index - length]
                out[index] = sum * scale
                index += 1
            }
            if sum.isNaN { clean = false }
            blockStart = blockEnd
        }
        // Bars before the first window are read by it, so a NaN there shows in the first block's sum.
        return clean
    }
}
