/// Hilbert transform instantaneous trendline, one bar at a time: the streaming twin of `HTTrendline`.
///
/// State: the last 64 prices, each stored twice so that any recent stretch is contiguous (the 4-bar
/// WMA reads three bars back and the trendline averages at most 50), the bar count, and the batch
/// kernel's per-bar step (`HTTrendlineStep`: the smoother, the four Hilbert stages, the period
/// estimates, the last three cycle means). The stream drives that step through the batch kernel's three
/// phases (priming, smoother alone, full bar), parity counted from the run's first bar, and feeds it the
/// cycle mean as `HTTrendline.paddedCycleSum` (the bits of the batch's `cycleSum`), so every output has
/// the batch's bit pattern.
///
/// **Cost: about 50 ns an update, and why it stays above the 20 ns of the other streams.** Each bar's
/// period estimate feeds the next bar's Hilbert transform (through `adjustedPeriod`), so one bar
/// cannot start before the previous one has finished this chain of dependent operations:
/// `adjustedPeriod` (multiply, add) → the detrender, Q1 and jQ stages (each a multiply, three adds
/// and a multiply by `adjustedPeriod`) → I2/Q2 smoothing → the Re/Im products and smoothing → the
/// division `Im/Re` → `atan` (libm, with data-dependent branches on the argument's range) → the
/// multiply by 180/π and the division `360/…` → four min/max clamps → the 0.2/0.8 smoothing: about
/// 140 cycles. Measured on the benchmark series (2026-11-25, `docs/benchmarks.md`): with the period
/// pinned (no `atan`, no `360/…`, the rest of the chain kept) an update still takes ≈ 29 ns, so no
/// `atan` however fast brings it to 20; evaluating Re and Im as cubics in `adjustedPeriod` (the
/// stages are linear in it), which shortens the chain by ≈ 30 cycles, saved ≈ 1 ns; skipping `atan`
/// when a clamp decides the period helps on 16 % of bars only. Every such change also leaves TA-Lib's
/// arithmetic, on which the integer cycle length `Int(smoothPeriod + 0.5)` depends discontinuously.
/// What is kept: TA-Lib's operations in its order; the cycle mean (off the chain) in four partial sums
/// with a masked last group; no lazily initialized global on the path (`radiansToDegrees`).
public struct HTTrendlineStream: SeriesStream {
    private var prices = PriceWindow()
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
        // The batch kernel's three phases (`HTTrendline.run`), bar by bar.
        return prices.push(value) { newest in
            guard bar >= 3 else {
                step.prime(value, bar: bar)
                return .nan
            }
            guard bar >= HTTrendlineStep.firstTransformBar else {
                step.smooth(value, threeBack: newest[-3])
                return .nan
            }
            let trendline = step.transform(value, threeBack: newest[-3], bar: bar) {
                HTTrendline.paddedCycleSum(newest, count: $0)
            }
            return bar >= HTTrendlineStep.lookback ? trendline : .nan
        }
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        step = HTTrendlineStep()
        prices.reset()
        bar = 0
    }

    /// The last 64 prices, each stored twice (at `slot` and `slot + 64`), so that the newest `k ≤ 64`
    /// always lie side by side, newest last, as `HTTrendline.cycleSum` reads them from the batch
    /// kernel's input column.
    private struct PriceWindow: Sendable {
        /// How many prices the window holds (the cycle is at most 50 bars).
        static let capacity = 64
        private var storage = ContiguousArray<Double>(repeating: 0, count: 2 * capacity)
        /// The slot the next push writes.
        private var head = 0

        /// Stores `value` as the newest price, then calls `body` with a pointer to it: `newest[-age]` is
        /// the price pushed `age` pushes before it, for `age < capacity`, and
        /// `HTTrendline.paddedCycleSum(newest, count:)`'s reads for a cycle of up to 50 stay inside the
        /// doubled storage (stale slots are masked out). One mutable access to the storage: one
        /// uniqueness check, and no retain of it as a read would need.
        @inline(__always)
        mutating func push<Result>(_ value: Double, _ body: (UnsafePointer<Double>) -> Result) -> Result {
            let slot = head
            head = (slot + 1) & (Self.capacity - 1)
            return storage.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { preconditionFailure("empty price storage") }
                base[slot] = value
                base[slot + Self.capacity] = value
                return body(base + (slot + Self.capacity))
            }
        }

        /// Forgets the order of the prices (each is rewritten before it is read again).
        @inline(__always)
        mutating func reset() { head = 0 }
    }

}
