import Foundation

/// `log(a / b)` for the per-bar log returns of the statistics, fast where returns live.
///
/// A backtest takes two of these per bar (equity and market, for β), and libm's `log` costs about as
/// much as the rest of the statistics together. For ratios near 1 — every ordinary bar —
/// `log(a/b) = 2·atanh(u)` with `u = (a − b)/(a + b)`, and the odd series of atanh converges fast: with
/// |u| < 0.03 the terms up to u¹³ leave an error below 1e-21 of the result, and with |u| < 0.002 (a
/// move of 0.4 %) the terms up to u⁵ leave one below 1e-17 (u⁶/7), both under a tenth of an ulp.
/// Anything else (big moves, zero, NaN, infinities) goes to libm. `of4` takes four ratios at once, with
/// the shorter series when all four allow it (a lane's value may then differ from `of`'s in the last
/// bit: both are within an ulp or two of the true value).
enum LogRatio {
    /// u² below which the series is used at all, and below which its first three terms suffice.
    static let seriesLimit = 0.03 * 0.03
    static let shortSeriesLimit = 0.002 * 0.002

    @inline(__always)
    static func of(_ a: Double, _ b: Double) -> Double {
        let u = (a - b) / (a + b)
        let u2 = u * u
        guard u2 < seriesLimit else { return log(a / b) }
        if u2 < shortSeriesLimit { return 2 * u * shortSeries(u2) }
        return 2 * u * longSeries(u2)
    }

    /// `of(a[i], b[i])` for the four lanes.
    @inline(__always)
    static func of4(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        let u = (a - b) / (a + b)
        let u2 = u * u
        // A NaN lane fails both comparisons and goes to the scalar path, as does a large move.
        if all(u2 .< SIMD4(repeating: shortSeriesLimit)) { return 2 * u * shortSeries(u2) }
        if all(u2 .< SIMD4(repeating: seriesLimit)) { return 2 * u * longSeries(u2) }
        return SIMD4(of(a[0], b[0]), of(a[1], b[1]), of(a[2], b[2]), of(a[3], b[3]))
    }

    // The last coefficient multiplies instead of dividing (a division costs as much as the rest of
    // the series); its rounding is 1e-17 of a term that is below 1e-6 of the sum.
    @inline(__always)
    private static func shortSeries(_ u2: Double) -> Double {
        1 + u2 * (1.0 / 3 + u2 * (1.0 / 5))
    }

    @inline(__always)
    private static func longSeries(_ u2: Double) -> Double {
        1 + u2 * (1.0 / 3 + u2 * (1.0 / 5 + u2 * (1.0 / 7 + u2 * (1.0 / 9 + u2 * (1.0 / 11 + u2 * (1.0 / 13))))))
    }

    @inline(__always)
    private static func shortSeries(_ u2: SIMD4<Double>) -> SIMD4<Double> {
        let inner: SIMD4<Double> = 1.0 / 3 + u2 * (1.0 / 5)
        return 1 + u2 * inner
    }

    /// The same Horner steps as the scalar `longSeries`, spelled out for the type checker.
    @inline(__always)
    private static func longSeries(_ u2: SIMD4<Double>) -> SIMD4<Double> {
        var sum: SIMD4<Double> = 1.0 / 11 + u2 * (1.0 / 13)
        sum = 1.0 / 9 + u2 * sum
        sum = 1.0 / 7 + u2 * sum
        sum = 1.0 / 5 + u2 * sum
        sum = 1.0 / 3 + u2 * sum
        return 1 + u2 * sum
    }
}
