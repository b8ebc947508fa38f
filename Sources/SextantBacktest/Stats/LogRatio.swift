import Foundation

/// `log(a / b)` for the per-bar log returns of the statistics, fast where returns live.
///
/// A backtest takes two of these per bar (equity and market, for β), and libm's `log` costs about as
/// much as the rest of the statistics together. For ratios near 1 — every ordinary bar —
/// `log(a/b) = 2·atanh(u)` with `u = (a − b)/(a + b)`, and the odd series of atanh converges fast: with
/// |u| < 0.03 the terms up to u¹³ leave an error below 1e-21 of the result, under one ulp. Anything
/// else (big moves, zero, NaN, infinities) goes to libm.
enum LogRatio {
    @inline(__always)
    static func of(_ a: Double, _ b: Double) -> Double {
        let u = (a - b) / (a + b)
        guard abs(u) < 0.03 else { return log(a / b) }
        let u2 = u * u
        let series =
            1 + u2 * (1.0 / 3 + u2 * (1.0 / 5 + u2 * (1.0 / 7 + u2 * (1.0 / 9 + u2 * (1.0 / 11 + u2 / 13)))))
        return 2 * u * series
    }
}
