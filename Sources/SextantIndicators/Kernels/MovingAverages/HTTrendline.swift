/// Hilbert transform instantaneous trendline (TA-Lib `HT_TRENDLINE`, Ehlers).
///
/// A 4-bar WMA smooths the price; a Hilbert transform of it measures the dominant cycle period; the
/// trendline is the mean of the raw price over that period, weighted `(4·t + 3·t₁ + 2·t₂ + t₃)/10`
/// over the last four means. The lookback is TA-Lib's fixed 63 bars, counted from the start of each
/// NaN-free run (see `ValidRuns`). The per-bar body is `HTTrendlineStep`, which `HTTrendlineStream`
/// drives too; its arithmetic departs from TA-Lib's operation order but keeps TA-Lib's integer cycle
/// lengths (decision D33), so the values agree with TA-Lib's to rounding.
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

    /// The run core: `HTTrendlineStep` bar by bar, in a ring on the stack.
    static func run(_ x: UnsafePointer<Double>, count: Int, _ out: UnsafeMutablePointer<Double>) {
        guard HTTrendlineStep.lookback < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: HTTrendlineStep.ringCount) { ring in
            ring.initialize(repeating: 0)
            guard let base = ring.baseAddress else { preconditionFailure("empty HT_TRENDLINE ring") }
            var step = HTTrendlineStep()
            for today in 0..<count { out[today] = step.update(x[today], bar: today, ring: base) }
        }
    }
}
