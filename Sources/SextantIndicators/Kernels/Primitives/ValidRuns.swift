/// The maximal runs of bars on which every input of a kernel is a number, and the NaN policy that
/// every kernel of this module shares.
///
/// **NaN policy.** A kernel treats each maximal run of bars on which *all* of its inputs are non-NaN
/// as a series of its own: its window or seed starts at the first bar of the run, its first valid
/// output is the run's first bar plus the kernel's lookback, and bars where any input is NaN get NaN.
/// The common case is a NaN prefix (an indicator applied to another indicator's warm-up):
/// `sma(rsi(close, 14), 5)` is valid from bar 14 + 4, exactly what TA-Lib gives when called on the
/// valid part only. A NaN inside the data (`log` of a negative number, say) therefore restarts the
/// warm-up after it instead of poisoning every later value, as TA-Lib's running sums would. ±infinity
/// is a number here and follows IEEE arithmetic.
///
/// Kernels implement a *run core*, `(Range<Int>) -> Void`, that reads only bars inside the range and
/// writes every output bar inside it (NaN for its own warm-up); `forEach` writes NaN on the gaps.
enum ValidRuns {
    /// Calls `core` once for each maximal NaN-free run of `inputs` (all `count` long) and writes NaN
    /// to every output at the bars in between.
    ///
    /// The NaN scan is a separate, vectorized pass: it costs a small fraction of a nanosecond per bar,
    /// and it keeps every kernel's hot loop free of NaN checks.
    @inline(__always)
    static func forEach(
        _ inputs: [UnsafePointer<Double>], count: Int, outputs: [UnsafeMutablePointer<Double>],
        _ core: (Range<Int>) -> Void
    ) {
        var start = 0
        while start < count {
            let runStart = firstAllNumbers(inputs, from: start, to: count)
            for output in outputs { fillNaN(output, runStart: start, runEnd: runStart) }
            if runStart >= count { return }
            var runEnd = count
            for input in inputs { runEnd = firstNaN(input, from: runStart, to: runEnd) }
            core(runStart..<runEnd)
            start = runEnd
        }
    }

    /// The index of the first NaN in `values[from..<end]`, or `end` when there is none.
    @inline(__always)
    static func firstNaN(_ values: UnsafePointer<Double>, from: Int, to end: Int) -> Int {
        var index = from
        // Blocks without an early exit, so that the compiler vectorizes the comparison. `v != v` is the
        // floating-point unordered compare (`isNaN` tests bits in integer registers and stays scalar).
        let block = 64
        while index + block <= end {
            var found: UInt8 = 0
            for offset in index..<(index + block) {
                let value = values[offset]
                found |= value != value ? 1 : 0
            }
            if found != 0 { break }
            index += block
        }
        while index < end, !values[index].isNaN { index += 1 }
        return index
    }

    /// The first index at or after `from` where no input is NaN, or `end`.
    @inline(__always)
    static func firstAllNumbers(_ inputs: [UnsafePointer<Double>], from: Int, to end: Int) -> Int {
        var index = from
        scan: while index < end {
            for input in inputs where input[index].isNaN {
                index += 1
                continue scan
            }
            return index
        }
        return end
    }

    /// Writes NaN to `output[runStart..<runEnd]`.
    @inline(__always)
    static func fillNaN(_ output: UnsafeMutablePointer<Double>, runStart: Int, runEnd: Int) {
        guard runEnd > runStart else { return }
        (output + runStart).update(repeating: .nan, count: runEnd - runStart)
    }
}
