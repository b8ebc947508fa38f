import Foundation

/// One bar of TA-Lib's HT_TRENDLINE — the 4-bar WMA price smoother, the four Hilbert stages, the
/// dominant-cycle period estimate and the weighted trendline — shared by the batch kernel
/// (`HTTrendline`) and its stream (`HTTrendlineStream`), which differ only in where the prices of the
/// cycle mean come from. One body for both keeps them bit-identical by construction.
///
/// Every operation is TA-Lib's, in its order (the period feeds the next bar's transform and its
/// rounding decides the integer cycle length, so it is not reassociated); the cycle mean is
/// `HTTrendline.cycleSum`'s four partial sums.
struct HTTrendlineStep: Sendable {
    /// TA-Lib's lookback: the first bar of a run with a value.
    static let lookback = 63
    /// The first bar of the Hilbert transform: TA-Lib primes the smoother on three bars, then runs it
    /// alone for 34 more.
    static let firstTransformBar = 37
    /// TA-Lib's `rad2Deg = 45/atan(1)`, as a literal of the same bits (a test checks them), so that the
    /// hot loop reads no lazily initialized global.
    static let radiansToDegrees = 57.29577951308232

    /// TA-Lib's `hilbertIdx`: the ring slot of the Hilbert stages, advanced after every even bar.
    private var hilbertIndex = 0
    private var periodSub = 0.0
    private var periodSum = 0.0
    private var trailingValue = 0.0
    private var detrenderStage = HilbertStage()
    private var q1Stage = HilbertStage()
    private var jIStage = HilbertStage()
    private var jQStage = HilbertStage()
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

    /// Bars 0, 1 and 2 of a run (`bar`): TA-Lib's priming of the WMA smoother.
    @inline(__always)
    mutating func prime(_ value: Double, bar: Int) {
        switch bar {
        case 0:
            periodSub = value
            periodSum = value
        case 1:
            periodSub += value
            periodSum += value * 2
        default:
            periodSub += value
            periodSum += value * 3
        }
    }

    /// Bars 3 to 36: the smoother alone. `threeBack` is the price three bars before `value`.
    @inline(__always)
    mutating func smooth(_ value: Double, threeBack: Double) {
        _ = smoothed(value, threeBack: threeBack)
    }

    /// The 4-bar WMA of the prices up to `value`, advancing the smoother.
    @inline(__always)
    private mutating func smoothed(_ value: Double, threeBack: Double) -> Double {
        periodSub += value
        periodSub -= trailingValue
        periodSum += value * 4
        trailingValue = threeBack
        let smoothed = periodSum * 0.1
        periodSum -= periodSub
        return smoothed
    }

    /// Bar `bar` ≥ 37 of a run: the smoother, the Hilbert transform, the period and the trendline, which
    /// is valid from bar 63 on (`lookback`). `threeBack` is the price three bars before `value`, and
    /// `cycleSum(n)` must return `HTTrendline.cycleSum` of the newest `n` prices, this bar's included,
    /// for `0 ≤ n ≤ min(bar + 1, 50)`.
    @inline(__always)
    mutating func transform(_ value: Double, threeBack: Double, bar: Int, cycleSum: (Int) -> Double) -> Double {
        let adjustedPeriod = 0.075 * period + 0.54
        let smoothed = smoothed(value, threeBack: threeBack)
        let q2: Double
        let i2: Double
        if bar & 1 == 0 {
            let detrender = detrenderStage.even(smoothed, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            let q1 = q1Stage.even(detrender, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            let jI = jIStage.even(i1EvenPrevious3, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            let jQ = jQStage.even(q1, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            hilbertIndex = hilbertIndex == 2 ? 0 : hilbertIndex + 1
            q2 = 0.2 * (q1 + jI) + 0.8 * previousQ2
            i2 = 0.2 * (i1EvenPrevious3 - jQ) + 0.8 * previousI2
            i1OddPrevious3 = i1OddPrevious2
            i1OddPrevious2 = detrender
        } else {
            let detrender = detrenderStage.odd(smoothed, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            let q1 = q1Stage.odd(detrender, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            let jI = jIStage.odd(i1OddPrevious3, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
            let jQ = jQStage.odd(q1, slot: hilbertIndex, adjustedPeriod: adjustedPeriod)
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
        if im != 0, re != 0 { period = 360 / (atan(im / re) * Self.radiansToDegrees) }
        period = Swift.min(period, 1.5 * previousPeriod)
        period = Swift.max(period, 0.67 * previousPeriod)
        period = Swift.min(Swift.max(period, 6), 50)
        period = 0.2 * period + 0.8 * previousPeriod
        smoothPeriod = 0.33 * period + 0.67 * smoothPeriod

        // The trendline averages the raw price over the dominant cycle. The period stays within
        // [0, 50], so the rounded cycle does too — unless an infinite price made the state NaN for the
        // rest of the run: TA-Lib's C cast of the NaN is undefined (and Swift's traps), so the cycle is
        // then empty and the trendline NaN.
        let rounded = smoothPeriod + 0.5
        let cycle = rounded >= 1 ? Swift.min(Int(rounded), bar + 1) : 0
        var mean = cycleSum(cycle)
        if cycle > 0 { mean /= Double(cycle) }
        if rounded.isNaN { mean = .nan }
        let trendline = (4 * mean + 3 * trend1 + 2 * trend2 + trend3) / 10
        trend3 = trend2
        trend2 = trend1
        trend1 = mean
        return trendline
    }
}
