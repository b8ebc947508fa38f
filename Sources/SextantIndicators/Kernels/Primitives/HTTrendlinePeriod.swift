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

    /// `0.015 · 2π/θ` (0.015 is the weight of the period in the next bar's `adjustedPeriod`), or `nil`
    /// when `v² + w²` is outside `[2⁻²⁰⁰, 2²⁰⁰]`, where the eighth powers could overflow or lose bits.
    /// Meaningful only for `(v/w)² ≤ fitted` on the side `θ > 0`; the caller decides the others.
    @inline(__always)
    static func scaledPeriod(v: Double, w: Double, vSquared: Double, wSquared: Double) -> Double {
        let w2 = wSquared * wSquared
        let v2 = vSquared * vSquared
        let wv = wSquared * vSquared
        // Ñ/c and D̃ (D's constant term is 1); the coefficients are N's divided by c.
        let numerator =
            (1.6832942838791443 * w2 + 2.883235278826923 * wv + 1.493125179762702 * v2) * w2
            + (0.2356827761860258 * wv + 0.005383820724150395 * v2) * v2
        let denominator =
            (w2 + 2.0461861044970004 * wv + 1.3690876690903442 * v2) * w2
            + (0.32999529559522567 * wv + 0.020580483621793356 * v2) * v2
        let wD = w * denominator
        // 0.015 · 2π / c.
        return (0.1586467486819326 * wD) / (wD + v * numerator)
    }

    /// `scaledPeriod` after scaling `v` and `w` by the power of two that brings the larger to [1, 2):
    /// the same bits wherever `scaledPeriod` stays in range, and NaN for infinite or NaN input.
    @inline(never)
    static func rescaled(v: Double, w: Double) -> Double {
        let magnitude = Swift.max(Swift.abs(v), Swift.abs(w))
        guard magnitude.isFinite else { return .nan }
        // Both zero: the angle is undefined; Re and Im are then (in all but underflowed cases) zero,
        // which the caller handles before this value is used.
        guard magnitude > 0 else { return 0 }
        let scale = Double(sign: .plus, exponent: Swift.min(-magnitude.exponent, 1000), significand: 1)
        let (sv, sw) = (v * scale, w * scale)
        return scaledPeriod(v: sv, w: sw, vSquared: sv * sv, wSquared: sw * sw)
    }
}
