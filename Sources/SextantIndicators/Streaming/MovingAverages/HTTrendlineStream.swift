import Foundation

/// Hilbert transform instantaneous trendline, one bar at a time: the streaming twin of `HTTrendline`.
///
/// State: the last 64 prices, each stored twice so that any recent stretch is contiguous (the 4-bar
/// WMA reads three bars back and the trendline averages at most 50), the WMA's running sums, the four
/// Hilbert stages with their odd/even pipelines, the period estimates and the last three cycle means.
/// Every step is the batch kernel's (TA-Lib's) in its order, parity counted from the run's first bar,
/// and the cycle mean is the batch kernel's `HTTrendline.cycleSum` (as `paddedCycleSum`), so every
/// output has the batch's bit pattern.
///
/// **Cost: about 50 ns an update, and why it cannot reach the 20 ns of the other streams.** Each
/// bar's period estimate feeds the next bar's Hilbert transform (through `adjustedPeriod`), so one
/// bar cannot start before the previous one has finished this chain of dependent operations:
/// `adjustedPeriod` (multiply, add) → the detrender, Q1 and jQ stages (each a multiply, three adds
/// and a multiply by `adjustedPeriod`) → I2/Q2 smoothing → the Re/Im products and smoothing → the
/// division `Im/Re` → `atan` (libm, ≈ 30 cycles, with data-dependent branches on the argument's
/// range) → the multiply by 180/π and the division `360/…` → four min/max clamps → the 0.2/0.8
/// smoothing. That is about 125 cycles, ≈ 31 ns at 4 GHz, before `atan`'s mispredictions (≈ 10 ns a
/// bar, measured by replacing it), and no reordering can shorten it without changing the arithmetic:
/// TA-Lib parity needs its exact sequence (the cycle length `Int(smoothPeriod + 0.5)` is
/// discontinuous, so an approximate `atan` or a reassociated division could flip it and move the
/// trendline by far more than the 1e-9 tolerance). What could go, went: the cycle mean, which is off
/// that chain, no longer adds 50 prices one after the other (four partial sums) nor mispredicts on
/// the changing cycle length (masked last group), which took ≈ 8 ns of the former ≈ 60.
public struct HTTrendlineStream: SeriesStream {
    private var prices = PriceWindow()
    private var today = 0
    private var periodSub = 0.0
    private var periodSum = 0.0
    private var trailingValue = 0.0
    private var detrenderStage = HilbertStage()
    private var q1Stage = HilbertStage()
    private var jIStage = HilbertStage()
    private var jQStage = HilbertStage()
    private var hilbertIndex = 0
    private var period = 0.0
    private var smoothPeriod = 0.0
    private var previousQ2 = 0.0
    private var previousI2 = 0.0
    private var re = 0.0
    private var im = 0.0
    private var i1OddPrevious2 = 0.0
    private var i1OddPrevious3 = 0.0
    private var i1EvenPrevious2 = 0.0
    private var i1EvenPrevious3 = 0.0
    private var trend1 = 0.0
    private var trend2 = 0.0
    private var trend3 = 0.0

    private static let rad2Deg = 45.0 / atan(1.0)

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
        prices.push(value)
        let bar = today
        today += 1
        switch bar {
        case 0:
            periodSub = value
            periodSum = value
            return .nan
        case 1:
            periodSub += value
            periodSum += value * 2
            return .nan
        case 2:
            periodSub += value
            periodSum += value * 3
            return .nan
        default:
            break
        }
        let adjustedPeriod = 0.075 * period + 0.54
        // The 4-bar WMA price smoother.
        periodSub += value
        periodSub -= trailingValue
        periodSum += value * 4
        trailingValue = prices.back(3)
        let smoothed = periodSum * 0.1
        periodSum -= periodSub
        // TA-Lib primes the smoother for 34 bars before the Hilbert transform starts.
        guard bar >= 37 else { return .nan }
        let trendline = transform(smoothed, bar: bar, adjustedPeriod: adjustedPeriod)
        return bar >= HTTrendline.lookback() ? trendline : .nan
    }

    /// One bar of the Hilbert transform, period estimate and trendline (the batch loop body).
    private mutating func transform(_ smoothed: Double, bar: Int, adjustedPeriod: Double) -> Double {
        let q2: Double
        let i2: Double
        if bar % 2 == 0 {
            let detrender = detrenderStage.transform(
                smoothed, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
            let q1 = q1Stage.transform(detrender, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
            let jI = jIStage.transform(
                i1EvenPrevious3, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
            let jQ = jQStage.transform(q1, index: hilbertIndex, isEven: true, adjustedPeriod: adjustedPeriod)
            hilbertIndex += 1
            if hilbertIndex == 3 { hilbertIndex = 0 }
            q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
            i2 = 0.2 * (i1EvenPrevious3 - jQ) + 0.8 * previousI2
            i1OddPrevious3 = i1OddPrevious2
            i1OddPrevious2 = detrender
        } else {
            let detrender = detrenderStage.transform(
                smoothed, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
            let q1 = q1Stage.transform(detrender, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
            let jI = jIStage.transform(
                i1OddPrevious3, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
            let jQ = jQStage.transform(q1, index: hilbertIndex, isEven: false, adjustedPeriod: adjustedPeriod)
            q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
            i2 = 0.2 * (i1OddPrevious3 - jQ) + 0.8 * previousI2
            i1EvenPrevious3 = i1EvenPrevious2
            i1EvenPrevious2 = detrender
        }
        re = 0.2 * (i2 * previousI2 + q2 * previousQ2) + 0.8 * re
        im = 0.2 * (i2 * previousQ2 - q2 * previousI2) + 0.8 * im
        previousQ2 = q2
        previousI2 = i2
        let previousPeriod = period
        if im != 0, re != 0 { period = 360 / (atan(im / re) * Self.rad2Deg) }
        period = Swift.min(period, 1.5 * previousPeriod)
        period = Swift.max(period, 0.67 * previousPeriod)
        period = Swift.min(Swift.max(period, 6), 50)
        period = 0.2 * period + 0.8 * previousPeriod
        smoothPeriod = 0.33 * period + 0.67 * smoothPeriod

        // The trendline averages the raw price over the dominant cycle (`HTTrendline.cycleSum`).
        let cycle = Swift.min(Int(smoothPeriod + 0.5), bar + 1, PriceWindow.capacity)
        var mean = prices.sum(cycle)
        if cycle > 0 { mean /= Double(cycle) }
        let trendline = (4 * mean + 3 * trend1 + 2 * trend2 + trend3) / 10
        trend3 = trend2
        trend2 = trend1
        trend1 = mean
        return trendline
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        self = HTTrendlineStream(keeping: prices)
    }

    /// A fresh stream that reuses `prices`' storage.
    private init(keeping prices: PriceWindow) {
        self.prices = prices
        self.prices.reset()
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

        /// Stores `value` as the newest price.
        @inline(__always)
        mutating func push(_ value: Double) {
            storage[head] = value
            storage[head + Self.capacity] = value
            head = (head + 1) & (Self.capacity - 1)
        }

        /// The price pushed `age` pushes before the newest (`age` 0 is the newest; `age < capacity`).
        @inline(__always)
        func back(_ age: Int) -> Double {
            storage[head + Self.capacity - 1 - age]
        }

        /// `HTTrendline.cycleSum` of the newest `count ≤ 50` prices, as `paddedCycleSum`: its
        /// `paddedLength` reads stay inside the doubled storage (stale slots are masked out).
        @inline(__always)
        func sum(_ count: Int) -> Double {
            storage.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return HTTrendline.paddedCycleSum(base + (head + Self.capacity - 1), count: count)
            }
        }

        /// Forgets the order of the prices (each is rewritten before it is read again).
        @inline(__always)
        mutating func reset() { head = 0 }
    }

}
