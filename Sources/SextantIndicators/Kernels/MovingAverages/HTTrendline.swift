/// Hilbert transform instantaneous trendline (TA-Lib `HT_TRENDLINE`, Ehlers).
///
/// A 4-bar WMA smooths the price; a Hilbert transform of it (separate odd/even bar pipelines, as
/// TA-Lib computes them) measures the dominant cycle period; the trendline is the mean of the raw
/// price over that period, weighted `(4·t + 3·t₁ + 2·t₂ + t₃)/10` over the last four means. The
/// lookback is TA-Lib's fixed 63 bars, counted from the start of each NaN-free run (see
/// `ValidRuns`); odd/even is the bar's parity within the run, as when TA-Lib is called on the run. The
/// per-bar body is `HTTrendlineStep`, which `HTTrendlineStream` drives too.
public enum HTTrendline {
    /// TA-Lib's lookback.
    public static func lookback() -> Int { HTTrendlineStep.lookback }

    /// Writes the trendline of `input` into `output`.
    public static func htTrendline(
        _ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([input], [output]) { x, out, range in
            run(x[0] + range.lowerBound, count: range.count, out[0] + range.lowerBound)
        }
    }

    /// The trendline of `input`.
    public static func htTrendline(_ input: [Double]) -> [Double] {
        KernelColumns.make(count: input.count) { output in
            input.withUnsafeBufferPointer { htTrendline($0, into: output) }
        }
    }

    /// The sum of the `count` values `newest[0], newest[−1], …, newest[1 − count]` (0 when `count`
    /// ≤ 0), in four interleaved partial sums, value `i` (newest first) into sum `i mod 4`, added as
    /// `(s₀ + s₁) + (s₂ + s₃)`.
    ///
    /// TA-Lib adds up to 50 prices one after the other, a chain of 50 dependent additions per bar;
    /// four chains are a quarter as long. The mean differs from TA-Lib's by rounding only (about 1e-16
    /// relative), and it only feeds the output, not the period estimate. `HTTrendlineStream` computes
    /// the same sums (with `paddedCycleSum`), so both give the same bits.
    @inline(__always)
    static func cycleSum(_ newest: UnsafePointer<Double>, count: Int) -> Double {
        var (first, second, third, fourth) = (0.0, 0.0, 0.0, 0.0)
        var offset = 0
        while offset + 4 <= count {
            first += newest[-offset]
            second += newest[-(offset + 1)]
            third += newest[-(offset + 2)]
            fourth += newest[-(offset + 3)]
            offset += 4
        }
        if offset < count { first += newest[-offset] }
        if offset + 1 < count { second += newest[-(offset + 1)] }
        if offset + 2 < count { third += newest[-(offset + 2)] }
        return (first + second) + (third + fourth)
    }

    /// `cycleSum`, bit for bit, for `0 ≤ count ≤ 50`: it reads `newest[0]` back to
    /// `newest[−(4·⌊count/4⌋ + 2)]`, at most `paddedLength` values, which must be readable, and adds
    /// +0 for those past `count`.
    ///
    /// The cycle changes every few bars, and `cycleSum`'s tests of the last one to three values
    /// mispredict each time (with the loop's exit, ≈ 12 ns a bar, measured); here the loop runs a
    /// quarter as many times, so its exit changes four times less often, and the last group of four is
    /// masked by integer arithmetic (a select would compile to a branch). Adding +0 leaves a partial
    /// sum unchanged: each starts at +0 and so can never be −0.
    @inline(__always)
    static func paddedCycleSum(_ newest: UnsafePointer<Double>, count: Int) -> Double {
        var (first, second, third, fourth) = (0.0, 0.0, 0.0, 0.0)
        var offset = 0
        while offset + 4 <= count {
            first += newest[-offset]
            second += newest[-(offset + 1)]
            third += newest[-(offset + 2)]
            fourth += newest[-(offset + 3)]
            offset += 4
        }
        // The remaining 0…3 values, each kept where `offset + k < count` (all ones: the sign of a
        // negative difference, shifted across) and +0 elsewhere.
        let remaining = count - offset
        first += masked(newest[-offset], (0 - remaining) >> 63)
        second += masked(newest[-(offset + 1)], (1 - remaining) >> 63)
        third += masked(newest[-(offset + 2)], (2 - remaining) >> 63)
        return (first + second) + (third + fourth)
    }

    /// `value` where `mask` is all ones, +0 where it is zero.
    @inline(__always)
    private static func masked(_ value: Double, _ mask: Int) -> Double {
        Double(bitPattern: value.bitPattern & UInt64(bitPattern: Int64(mask)))
    }

    /// At least as many values as `paddedCycleSum` reads for the longest cycle (50 bars: 51 values).
    static let paddedLength = 52

    /// The run core: `HTTrendlineStep` bar by bar, the cycle mean read from the input column.
    static func run(_ x: UnsafePointer<Double>, count: Int, _ out: UnsafeMutablePointer<Double>) {
        let lookback = HTTrendlineStep.lookback
        guard lookback < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: lookback)
        var step = HTTrendlineStep()
        for today in 0..<3 { step.prime(x[today], bar: today) }
        for today in 3..<HTTrendlineStep.firstTransformBar { step.smooth(x[today], threeBack: x[today - 3]) }
        for today in HTTrendlineStep.firstTransformBar..<count {
            let trendline = step.transform(x[today], threeBack: x[today - 3], bar: today) { cycle in
                today >= paddedLength - 1
                    ? paddedCycleSum(x + today, count: cycle) : cycleSum(x + today, count: cycle)
            }
            if today >= lookback { out[today] = trendline }
        }
    }
}
