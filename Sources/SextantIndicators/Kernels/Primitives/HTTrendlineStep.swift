/// One bar of HT_TRENDLINE — TA-Lib's 4-bar WMA price smoother, the Hilbert transform, the
/// dominant-cycle period and the weighted trendline — shared by the batch kernel (`HTTrendline`) and
/// its stream (`HTTrendlineStream`). Both call `update` on every bar of a run with a ring of
/// `ringCount` doubles, so they are bit-identical by construction.
///
/// The arithmetic is not TA-Lib's operation for operation (decisions D33, D35): only the integer cycle
/// length `Int(smoothPeriod + 0.5)` of a bar reaches the output, so the period may differ from
/// TA-Lib's by rounding as long as that integer does not. Each bar's period feeds the next bar's
/// transform (through `adjustedPeriod`, `A` below), and within a bar the output waits for the period
/// (through the cycle length); those paths of dependent operations, more than the operations
/// themselves, bound how fast bars can follow one another, so the step shortens them:
/// - The Hilbert stages are linear in `A`: with the parts that do not depend on this bar's `A`
///   computed first, `I2` is a cubic and `Q2` a quadratic in `A` (evaluated in Estrin's form) instead
///   of four stages of multiplications by `A` in sequence.
/// - The rotated pair the period reads, `(Im − τ·Re, Re + τ·Im)`, has its own recurrence in `I2` and
///   `Q2`, so it does not wait for Re and Im.
/// - The period comes from a rational approximation in the components of the phase-change vector
///   (`HTTrendlinePeriod`) with one division, instead of a division, libm's `atan` and a second
///   division; the four clamps collapse into one against bounds computed from the previous period,
///   and a period that does not come from the rational is clamped while the division runs.
/// - The chain carries `0.015 · period` (the period's share of the next `A`), so the next `A` is one
///   addition away; `smoothPeriod + 0.5` is one fused multiply-add from it.
/// - The cycle mean is the anchor plus the mean deviation from prefix sums, times `1/length` read from a
///   table at the end of the ring (written at the start of a run) instead of a division after the
///   length is known.
/// - Multiply-adds are fused (`addingProduct`): one rounding and, on the CPUs the kernels are compiled
///   for (D35), one instruction each.
///
/// The first Hilbert stage (on the smoothed price) keeps TA-Lib's order of operations
/// (`a·x − a·x₆ − b·x₄ + b·x₂`): its rounding on a price level of 10⁴ is the largest difference between
/// the two arithmetics otherwise, and it is off the chain. With it, the smoothed periods of the two
/// differ by 6e-15 on average (1e-13 at most) on 2M-bar random walks, as much as a one-ulp change of
/// TA-Lib's own `atan` moves them, and the integer cycle lengths agree on every bar tested
/// (`HTTrendlineCycleTests`; D35 lists the longer scratch runs).
///
/// The cycle mean reads prefix sums instead of adding up to 50 prices: two running sums of the
/// deviations from an anchor price, restarted every 128 bars 64 bars apart, so the older of the two
/// always covers the window and neither has added more than 128 deviations (D33 has the precision).
struct HTTrendlineStep: Sendable {
    /// TA-Lib's lookback: the first bar of a run with a value.
    static let lookback = 63
    /// The first bar of the Hilbert transform: TA-Lib primes the smoother on three bars, then runs it
    /// alone for 34 more.
    static let firstTransformBar = 37
    /// Doubles in the ring `update` works in: 64 slots (one per bar, `bar & 63`) of `slotWidth`, then the
    /// 64 reciprocals.
    static let ringCount = 64 * slotWidth + 64
    /// Where the ring keeps `1/n` for the cycle lengths `n` (1 for 0), written at the start of a run.
    private static let reciprocals = 64 * slotWidth
    /// Fields per slot: the price, the two prefix sums, `a·smoothed`, `b·smoothed`, the detrender, Q1
    /// and the Q1 stage's `H(detrender)` (reused three bars later by the jI stage).
    static let slotWidth = 8

    private static let price = 0
    private static let firstSum = 1
    private static let secondSum = 2
    private static let aSmoothed = 3
    private static let bSmoothed = 4
    private static let detrender = 5
    private static let q1 = 6
    private static let hDetrender = 7

    private static let a = 0.0962
    private static let b = 0.5769

    private var periodSub = 0.0
    private var periodSum = 0.0
    private var previousI2 = 0.0
    private var previousQ2 = 0.0
    private var re = 0.0
    private var im = 0.0
    /// `(Im − τ·Re, Re + τ·Im)`, carried by its own recurrence (see `update`).
    private var rotatedPair = SIMD2<Double>()
    /// This bar's `adjustedPeriod = 0.075 · period + 0.54`, from the previous bar's period.
    private var adjustedPeriod = 0.54
    private var period = 0.0
    private var smoothPeriod = 0.0
    private var trend1 = 0.0
    private var trend2 = 0.0
    private var trend3 = 0.0
    private var firstAnchor = 0.0
    private var secondAnchor = 0.0
    private var firstSum = 0.0
    private var secondSum = 0.0

    /// The cycle length of the last bar (for tests: TA-Lib's `Int(smoothPeriod + 0.5)`, at most the
    /// bars seen).
    private(set) var cycleLength = 0

    /// Bar `bar` (counted from 0 at the start of the run) of a run whose bars are fed in order: stores
    /// what later bars read in the ring's slot `bar & 63` and returns the trendline, NaN before
    /// `lookback`. `ring` holds `ringCount` initialized doubles, kept between the calls of a run and
    /// not changed by the caller.
    @inline(__always)
    mutating func update(_ value: Double, bar: Int, ring: UnsafeMutablePointer<Double>) -> Double {
        let width = Self.slotWidth
        let slot = ring + (bar & 63) * width
        if bar & 63 == 0 { restartSums(value, bar: bar, ring: ring) }
        firstSum += value - firstAnchor
        secondSum += value - secondAnchor
        slot[Self.price] = value
        slot[Self.firstSum] = firstSum
        slot[Self.secondSum] = secondSum
        // The k-th bar back, for k < 64 (bar −1 reads the zeros `restartSums` leaves at bar 0).
        func back(_ k: Int) -> UnsafeMutablePointer<Double> { ring + ((bar &- k) & 63) * width }

        guard bar >= 3 else {
            // TA-Lib's priming of the WMA smoother.
            periodSub += value
            periodSum += bar == 0 ? value : value * Double(bar + 1)
            clearHilbert(slot)
            return .nan
        }
        // TA-Lib's smoother, in its order: the trailing value it subtracts is four bars back.
        periodSub += value
        periodSub -= back(4)[Self.price]
        periodSum += value * 4
        let smoothed = periodSum * 0.1
        periodSum -= periodSub
        guard bar >= Self.firstTransformBar else {
            clearHilbert(slot)
            return .nan
        }
        let (a, b) = (Self.a, Self.b)
        let adjusted = adjustedPeriod

        // The Hilbert stage H(x)ₜ = a·xₜ − a·xₜ₋₆ − b·xₜ₋₄ + b·xₜ₋₂ on the smoothed price, in TA-Lib's order.
        let aSmoothed = a * smoothed
        let bSmoothed = b * smoothed
        let h = ((aSmoothed - back(6)[Self.aSmoothed]) - back(4)[Self.bSmoothed]) + back(2)[Self.bSmoothed]
        // H of the detrender and of Q1 less their terms in this bar's value; I1 is the detrender three
        // bars back, and the jI stage is the Q1 stage's H three bars back times this bar's A.
        let k = b * (back(2)[Self.detrender] - back(4)[Self.detrender]) - a * back(6)[Self.detrender]
        let m = b * (back(2)[Self.q1] - back(4)[Self.q1]) - a * back(6)[Self.q1]
        let i1 = back(3)[Self.detrender]
        let j = back(3)[Self.hDetrender]
        // detrender = A·h, Q1 = A·(a·detrender + k), jI = A·j, jQ = A·(a·Q1 + m), so
        // Q2 = 0.2·(Q1 + jI) + 0.8·Q2₋₁ and I2 = 0.2·(I1 − jQ) + 0.8·I2₋₁ are polynomials in A.
        let ah = a * h
        let q2Square = 0.2 * ah
        let q2Linear = 0.2 * (k + j)
        let q2Constant = 0.8 * previousQ2
        let i2Cube = -a * q2Square
        let i2Square = -0.01924 * k
        let i2Linear = -0.2 * m
        let i2Constant = 0.2 * i1 + 0.8 * previousI2
        let adjustedSquare = adjusted * adjusted
        let q2 = q2Constant.addingProduct(q2Linear, adjusted).addingProduct(q2Square, adjustedSquare)
        let i2 = i2Constant.addingProduct(i2Linear, adjusted).addingProduct(
            i2Square.addingProduct(i2Cube, adjusted), adjustedSquare)
        // Re = 0.2·(I2·I2₋₁ + Q2·Q2₋₁) + 0.8·Re₋₁, Im = 0.2·(I2·Q2₋₁ − Q2·I2₋₁) + 0.8·Im₋₁.
        let u = 0.2 * previousI2
        let w = 0.2 * previousQ2
        let re = (0.8 * self.re).addingProduct(i2, u).addingProduct(q2, w)
        let im = (0.8 * self.im).addingProduct(i2, w).addingProduct(-q2, u)
        // The rotated pair (v, W) = (Im − τ·Re, Re + τ·Im) that the period reads is linear in I2 and Q2
        // too, so it has a recurrence of its own: 0.8·(v, W)₋₁ + (α, β)·I2 + (−β, α)·Q2, two steps after
        // I2 instead of the three through Re and Im (whose zeros alone are read, off the chain).
        let tau = HTTrendlinePeriod.tau
        let alpha = w.addingProduct(-tau, u)
        let beta = u.addingProduct(tau, w)
        let pair = (0.8 * rotatedPair).addingProduct(SIMD2(-beta, alpha), SIMD2(repeating: q2))
            .addingProduct(SIMD2(alpha, beta), SIMD2(repeating: i2))
        let hDetrender = ah * adjusted + k
        slot[Self.aSmoothed] = aSmoothed
        slot[Self.bSmoothed] = bSmoothed
        slot[Self.detrender] = adjusted * h
        slot[Self.q1] = adjusted * hDetrender
        slot[Self.hDetrender] = hDetrender
        previousI2 = i2
        previousQ2 = q2
        self.re = re
        self.im = im
        rotatedPair = pair

        // The period, scaled by 0.015 (see `HTTrendlinePeriod`).
        var v = pair[0]
        var rotated = pair[1]
        var vSquared = v * v
        var wSquared = rotated * rotated
        let magnitude = vSquared + wSquared
        var scaled: Double
        if _fastPath(magnitude < 0x1p200 && magnitude > 0x1p-200) {
            scaled = HTTrendlinePeriod.scaledPeriod(v: v, w: rotated, vSquared: vSquared, wSquared: wSquared)
        } else {
            // Far from 1 (a price level beyond about 10¹⁵ or below 10⁻¹⁵) the eighth powers, and beyond
            // about 10⁷⁷ the squares the side tests below read, would leave the double range: both use
            // the pair scaled by a power of two, which changes none of their bits.
            (v, rotated) = HTTrendlinePeriod.normalized(v: v, w: rotated)
            vSquared = v * v
            wSquared = rotated * rotated
            scaled = HTTrendlinePeriod.rescaled(v: v, w: rotated)
        }
        let previous = period
        // Outside the fitted angles: below 2π/51 the period is long (51), above 2π/5.9 or at a negative
        // Im/Re it is short (5.9); the clamps below make both exact. Long: v/w in (−τ, −0.509), that is
        // v·w < 0 and v² < τ²·w². TA-Lib keeps the previous period when Re or Im is zero. The choices
        // are lane-wise selects (compare masks and logic operations): as scalar selects LLVM turns them
        // into a tree of branches, which mispredict on a fifth of the bars.
        let outside = SIMD2(repeating: vSquared) .> SIMD2(repeating: HTTrendlinePeriod.fitted * wSquared)
        let longness = Branchless.max(v * rotated, vSquared - HTTrendlinePeriod.tauSquared * wSquared)
        let long = SIMD2(repeating: longness) .< 0
        let zero = SIMD2(repeating: Branchless.min(Swift.abs(re), Swift.abs(im))) .== 0
        // TA-Lib's min(·, 1.5·p), max(·, 0.67·p), max(·, 6), min(·, 50) as one clamp into bounds from the
        // previous period. The period that does not come from the rational (outside its angles, or Re
        // or Im zero) is clamped while the division runs, so that only one clamp and one select follow
        // it. A NaN stays NaN: `max(low, x)` and `min(high, x)` return `x` when the comparison fails.
        let low = Branchless.min(Branchless.max(0.01005 * previous, 0.09), 0.75)
        let high = Branchless.min(Branchless.max(0.0225 * previous, 0.09), 0.75)
        var other = SIMD2<Double>(repeating: 0.0885).replacing(with: 0.765, where: long)
        other.replace(with: 0.015 * previous, where: zero)
        let otherClamped = Branchless.min(high, Branchless.max(low, other[0]))
        let fromRational = SIMD2(repeating: Branchless.min(high, Branchless.max(low, scaled)))
        scaled = fromRational.replacing(with: otherClamped, where: outside .| zero)[0]
        // TA-Lib's 0.075·(0.2·P + 0.8·p) + 0.54, with 0.015·P on the chain.
        adjustedPeriod = scaled + (0.06 * previous + 0.54)
        self.period = scaled * 13.333333333333334 + 0.8 * previous
        // TA-Lib's 0.33·P + 0.67·s, with P = 13.33·(0.015·P) + 0.8·p expanded so that this bar's period
        // enters last.
        let smoothing = 0.264 * previous + 0.67 * smoothPeriod
        smoothPeriod = smoothing.addingProduct(4.4, scaled)

        // The trendline averages the raw price over the dominant cycle, `Int(smoothPeriod + 0.5)` bars
        // (at most the bars seen), with `smoothPeriod + 0.5` as one fused multiply-add from `scaled`.
        // The clamps keep `scaled` within [0.09, 0.75] and so `rounded` within [0.5, 51), or make it NaN
        // for the rest of the run after an infinite price (TA-Lib's C cast of the NaN is undefined, and
        // Swift's `Int(_:)` would trap): the test sends a NaN to an empty cycle, and `nanIfNaN` makes the
        // trendline NaN.
        let rounded = (smoothing + 0.5).addingProduct(4.4, scaled)
        let cycle = Swift.min(rounded < 64 ? Int(rounded) & 63 : 0, bar + 1)
        cycleLength = cycle
        let nanIfNaN = rounded - rounded
        // TA-Lib's (4·m + 3·t₁ + 2·t₂ + t₃)/10, with this bar's mean added last.
        let rest = 0.1 * ((3 * trend1 + 2 * trend2) + trend3) + nanIfNaN
        let reciprocal = ring[Self.reciprocals + cycle]
        let mean = cycleMean(cycle, reciprocal: reciprocal, bar: bar, slot: slot, start: back(cycle))
        let trendline = rest.addingProduct(0.4, mean)
        trend3 = trend2
        trend2 = trend1
        trend1 = mean
        return bar >= Self.lookback ? trendline : .nan
    }

    /// The mean of the `count` prices up to this bar's (0 for none), from the prefix sums of their
    /// deviations from an anchor in `slot` (this bar's) and `start` (`count` bars back): the older of the
    /// two running sums, whose last restart is at least 64 bars back, before `start` (or at the run's
    /// start, where bar −1's sums are zero). The anchor plus the mean deviation, `reciprocal` being
    /// `1/count` (1 for 0).
    @inline(__always)
    private func cycleMean(
        _ count: Int, reciprocal: Double, bar: Int, slot: UnsafeMutablePointer<Double>,
        start: UnsafeMutablePointer<Double>
    ) -> Double {
        let (field, anchor) = bar & 64 == 0 ? (Self.secondSum, secondAnchor) : (Self.firstSum, firstAnchor)
        let presentAnchor = count > 0 ? anchor : 0
        return presentAnchor.addingProduct(slot[field] - start[field], reciprocal)
    }

    /// Restarts the sum whose turn it is at a bar that is a multiple of 64 (the first at even
    /// multiples, the second at odd ones, both at bar 0, where bar −1's slot gets zeros).
    @inline(__always)
    private mutating func restartSums(_ value: Double, bar: Int, ring: UnsafeMutablePointer<Double>) {
        if bar == 0 {
            for length in 0..<64 { ring[Self.reciprocals + length] = 1 / Double(Swift.max(length, 1)) }
            (firstAnchor, secondAnchor, firstSum, secondSum) = (value, value, 0, 0)
            let last = ring + 63 * Self.slotWidth
            last[Self.price] = 0
            last[Self.firstSum] = 0
            last[Self.secondSum] = 0
        } else if bar & 64 == 0 {
            (firstAnchor, firstSum) = (value, 0)
        } else {
            (secondAnchor, secondSum) = (value, 0)
        }
    }

    /// Zeros the Hilbert fields of a bar before the transform starts, which TA-Lib's stages read as
    /// zero.
    @inline(__always)
    private func clearHilbert(_ slot: UnsafeMutablePointer<Double>) {
        for field in Self.aSmoothed...Self.hDetrender { slot[field] = 0 }
    }
}
