/// Hilbert transform instantaneous trendline, one bar at a time: the streaming twin of `HTTrendline`.
///
/// State: the bar count within the run, the batch kernel's per-bar step (`HTTrendlineStep`: the
/// smoother, the Hilbert transform, the period, the last three cycle means) and the ring it works in
/// (per bar: the price, two prefix sums of the prices and the Hilbert values later bars read). The
/// stream calls the step exactly as the batch kernel does, so every output has the batch's bits.
///
/// **Cost.** Each bar's period feeds the next bar's transform, and within a bar the output waits for
/// that bar's period (through the cycle length), so an update is bound by the latency of that path
/// more than by its work: two streams updated in turn take less time each than one alone. The step
/// (decisions D33, D35) shortens the path: TA-Lib's order of operations is left where it only costs
/// time, its integer cycle lengths are kept. The ring lives inside the stream (`InlineRing576`), so an
/// update reaches it without a reference count, a uniqueness check or a call. `docs/benchmarks.md` has
/// the measurements: about 19 ns an update (46 before D33, 28 before D35).
public struct HTTrendlineStream: SeriesStream {
    private var ring = InlineRing576()
    private var step = HTTrendlineStep()
    private var bar = 0

    /// A trendline stream.
    public init() {
        precondition(HTTrendlineStep.ringCount <= InlineRing576.count, "the HT_TRENDLINE ring is too small")
    }

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
        return ring.withBase { step.update(value, bar: bar, ring: $0) }
    }

    /// Forgets every bar seen. The ring keeps its old values: the step rewrites every slot before it
    /// reads it again (bar 0 zeroes the one slot read as bar −1).
    public mutating func reset() {
        step = HTTrendlineStep()
        bar = 0
    }
}
