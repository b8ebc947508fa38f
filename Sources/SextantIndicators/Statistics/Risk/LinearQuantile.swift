/// The quantile of sorted values by linear interpolation between order statistics — numpy's default
/// `np.quantile(values, q)` (`method="linear"`, Hyndman & Fan's type 7, also R's default and Excel's
/// `PERCENTILE.INC`).
///
/// With n sorted values v₀ ≤ … ≤ vₙ₋₁: `h = (n − 1)·q`, `j = ⌊h⌋`, `g = h − j`,
/// `Q = vⱼ + g·(vⱼ₊₁ − vⱼ)`, evaluated as numpy's `_lerp` does (`vⱼ₊₁ − (vⱼ₊₁ − vⱼ)·(1 − g)` when
/// g ≥ ½, so that the result is monotone in q and exact at the ends); `Q = vₙ₋₁` when h ≥ n − 1.
///
/// Five returns −5 %, −2 %, 0 %, 1 %, 3 % at q = 0.05: h = 0.2, Q = −5 % + 0.2·3 % = −4.4 %.
public enum LinearQuantile {
    /// The q-quantile (0 ≤ q ≤ 1) of `sorted[0..<count]`, which must be in ascending order, count ≥ 1.
    @inline(__always)
    public static func ofSorted(_ sorted: UnsafePointer<Double>, count: Int, probability q: Double) -> Double {
        let position = Double(count - 1) * q
        if position >= Double(count - 1) { return sorted[count - 1] }
        if position <= 0 { return sorted[0] }
        let below = position.rounded(.down)
        let index = Int(below)
        return lerp(sorted[index], sorted[index + 1], position - below)
    }

    /// numpy's `_lerp(a, b, t)`.
    @inline(__always)
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
