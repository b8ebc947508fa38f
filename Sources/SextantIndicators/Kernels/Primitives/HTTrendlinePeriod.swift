/// The dominant-cycle period of HT_TRENDLINE from the smoothed phase-change vector, without libm's
/// `atan` and with one division: part of `HTTrendlineStep` (decision D33).
///
/// TA-Lib computes `360 / (atan(Im/Re)·180/π)`, that is `2π/θ` with `θ = atan(Im/Re)`, and then
/// clamps it into `[6, 50]` (and into `[0.67, 1.5]` times the previous period). Every clamp is
/// monotone in the period, so only angles with `2π/51 ≤ θ ≤ 2π/5.9` need the value; outside them it is
/// enough to know on which side they fall (a negative `Im/Re` gives a negative period, which the clamps
/// treat like a short one).
///
/// The angle is measured from `c = atan(τ)`: with `v = Im − τ·Re` and `w = Re + τ·Im`,
/// `θ = c + atan(v/w)`, and on the angles above `|v/w| ≤ 0.5091`. There `atan(z) = z·N(z²)/D(z²)` with
/// `N`, `D` of degree 4 (a weighted minimax fit whose error is below 8e-17 of θ), and multiplying
/// through by `w⁸` turns both into homogeneous polynomials in `V = v²` and `W = w²`, so that
/// `2π/θ = 2π·w·D̃ / (c·w·D̃ + v·Ñ)` needs no division but the last. `τ` was chosen among the doubles
/// near `tan(0.594)` for `atan(τ)` to lie within 2e-22 of a double, so `c` is exact to far below an ulp.
/// Scaling `v` and `w` by a power of two changes no bit of the result, which is how values whose
/// eighth powers would leave the double range are handled (`rescaled`).
enum HTTrendlinePeriod {
    /// `τ = tan(c)`.
    static let tau = 0.6754710271997956
    /// `τ²`, as the double product.
    static let tauSquared = 0.45626110858634694
    /// `tan²(0.47087)`: the largest `(v/w)²` the fit covers (angles `2π/51 … 2π/5.9`).
    static let fitted = 0.2591474212180175

    /// `0.015 · 2π/θ` (0.015 is the weight of the period in the next bar's `adjustedPeriod`), for
    /// `v² + w²` within `[2⁻²⁰⁰, 2²⁰⁰]` (outside it the eighth powers could overflow or lose bits: the
    /// caller checks, and uses `rescaled`).
    /// Meaningful only for `(v/w)² ≤ fitted` on the side `θ > 0`; the caller decides the others.
    @inline(__always)
    static func scaledPeriod(v: Double, w: Double, vSquared: Double, wSquared: Double) -> Double {
        let w2 = wSquared * wSquared
        let v2 = vSquared * vSquared
        let wv = wSquared * vSquared
        // Ñ/c and D̃ (D's constant term is 1; N's coefficients are divided by c), each as its high part
        // times w⁴ plus its low part times v⁴; w·D̃ and v·Ñ multiply w and v into w⁴ and v⁴ first, so that
        // the high parts are the last factors to arrive.
        let highN = (1.493125179762702 * v2).addingProduct(2.883235278826923, wv) + 1.6832942838791443 * w2
        let lowN = (0.2356827761860258 * wv).addingProduct(0.005383820724150395, v2)
        let highD = w2.addingProduct(2.0461861044970004, wv).addingProduct(1.3690876690903442, v2)
        let lowD = (0.32999529559522567 * wv).addingProduct(0.020580483621793356, v2)
        let wD = (lowD * (w * v2)).addingProduct(highD, w * w2)
        let vN = (lowN * (v * v2)).addingProduct(highN, v * w2)
        // 0.015 · 2π / c.
        return (0.1586467486819326 * wD) / (wD + vN)
    }

    /// `v` and `w` scaled by the power of two that brings the larger to [1, 2) (as near as normal
    /// doubles allow): the ratio, every side test on `v²` and `w²` and `scaledPeriod`'s bits are those
    /// of the unscaled pair wherever its squares and eighth powers stay in range. NaN for infinite or
    /// NaN input; both zero stay zero.
    @inline(__always)
    static func normalized(v: Double, w: Double) -> (v: Double, w: Double) {
        let magnitude = Swift.max(Swift.abs(v), Swift.abs(w))
        guard magnitude.isFinite else { return (.nan, .nan) }
        guard magnitude > 0 else { return (v, w) }
        // 2^−e for the magnitude's binary exponent e, kept within [2⁻¹⁰²², 2¹⁰⁰⁰] (normal doubles), from
        // the exponent bits: `Double.exponent` is a library call, and a call anywhere in the step makes
        // it save and restore registers on every bar.
        let biased = Int(truncatingIfNeeded: magnitude.bitPattern >> 52)
        let scaleExponent = Swift.min(Swift.max(2046 - biased, 1), 2023)
        let scale = Double(bitPattern: UInt64(truncatingIfNeeded: scaleExponent) << 52)
        return (v * scale, w * scale)
    }

    /// `scaledPeriod` of a pair already `normalized`: 0 when both are zero (the angle is undefined; Re
    /// and Im are then, in all but underflowed cases, zero, which the caller handles before this value
    /// is used).
    @inline(__always)
    static func rescaled(v: Double, w: Double) -> Double {
        guard v != 0 || w != 0 else { return 0 }
        return scaledPeriod(v: v, w: w, vSquared: v * v, wSquared: w * w)
    }
}
