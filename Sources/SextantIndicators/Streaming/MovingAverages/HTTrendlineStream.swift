/// Hilbert transform instantaneous trendline, one bar at a time: the streaming twin of `HTTrendline`.
///
/// State: the bar count within the run, the batch kernel's per-bar step (`HTTrendlineStep`: the
/// smoother, the Hilbert transform, the period, the last three cycle means) and the ring it works in
/// (per bar: the price, two prefix sums of the prices and the Hilbert values later bars read). The
/// stream calls the step exactly as the batch kernel does, so every output has the batch's bits.
///
/// **Cost.** Each bar's period feeds the next bar's transform, so a bar cannot start before the
/// previous one has finished that chain; and the update has to run a few hundred instructions. The
/// step (decision D33) shortens both: it leaves TA-Lib's order of operations where that order only
/// costs time (the Hilbert stages as polynomials in `adjustedPeriod`, a rational approximation with one
/// division for `360/(atan(Im/Re)·180/π)`, the clamps as one), keeps TA-Lib's integer cycle lengths,
/// and reads the cycle mean from prefix sums instead of adding up to 50 prices. `docs/benchmarks.md`
/// has the measurements: about 28 ns an update (from 46), bound now by the ≈ 370 instructions an update
/// executes rather than by the chain (≈ 65 cycles), so still above the 20 ns of the other streams.
/// Before D33, TA-Lib's chain through four Hilbert stages, two divisions and libm's `atan` took about
/// 140 cycles a bar.
public struct HTTrendlineStream: SeriesStream {
    private var ring = ContiguousArray<Double>(repeating: 0, count: HTTrendlineStep.ringCount)
    private var step = HTTrendlineStep()
    private var bar = 0

    /// A trendline stream.
    public init() {}

    /// `HTTrendline.lookback()`.
    public var lookback: Int { HTTrendline.lookback() }

    /// The trendline at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        let bar = self.bar
        self.bar = bar + 1
        // One mutable access to the ring: one uniqueness check, and no retain of it as a read would need.
        return ring.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("empty HT_TRENDLINE ring") }
            return step.update(value, bar: bar, ring: base)
        }
    }

    /// Forgets every bar seen. The ring keeps its old values: the step rewrites every slot before it
    /// reads it again (bar 0 zeroes the one slot read as bar −1).
    public mutating func reset() {
        step = HTTrendlineStep()
        bar = 0
    }
}
