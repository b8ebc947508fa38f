import Foundation

/// Elementwise math of the strategy language: `abs min max log exp sqrt pow round clamp`.
///
/// Each function has a scalar form (the definition, also used when every argument is a number) and
/// column forms over buffers. NaN (`na`) in any argument gives NaN — including `pow(na, 0)`, which IEEE
/// would make 1 — and `log`/`sqrt` outside their domain give NaN (`log(0)` too, not −∞).
public enum Elementwise {
    // MARK: Scalars

    /// |x|.
    @inline(__always)
    public static func abs(_ x: Double) -> Double { Swift.abs(x) }

    /// The smaller of `a` and `b`; NaN if either is.
    @inline(__always)
    public static func min(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }

    /// The larger of `a` and `b`; NaN if either is.
    @inline(__always)
    public static func max(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }

    /// Natural logarithm; NaN for x ≤ 0.
    @inline(__always)
    public static func log(_ x: Double) -> Double { x > 0 ? Foundation.log(x) : .nan }

    /// e to the power x.
    @inline(__always)
    public static func exp(_ x: Double) -> Double { Foundation.exp(x) }

    /// Square root; NaN for x < 0.
    @inline(__always)
    public static func sqrt(_ x: Double) -> Double { x >= 0 ? x.squareRoot() : .nan }

    /// `base` to the power `exponent`; NaN if either is NaN.
    @inline(__always)
    public static func pow(_ base: Double, _ exponent: Double) -> Double {
        base.isNaN || exponent.isNaN ? .nan : Foundation.pow(base, exponent)
    }

    /// `x` rounded half away from zero to `digits` decimals (negative: to tens, hundreds, …).
    ///
    /// Scales by a power of ten first, so a decimal tie that binary cannot represent exactly rounds by
    /// its binary value (`round(2.675, 2)` is 2.67, as in most languages).
    @inline(__always)
    public static func round(_ x: Double, digits: Int = 0) -> Double {
        if digits == 0 { return x.rounded(.toNearestOrAwayFromZero) }
        if digits > 0 {
            let scale = Foundation.pow(10, Double(digits))
            return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
        }
        let scale = Foundation.pow(10, Double(-digits))
        return (x / scale).rounded(.toNearestOrAwayFromZero) * scale
    }

    /// `x` limited to [low, high] (`min(max(x, low), high)`, so `high` wins if low > high); NaN if any
    /// argument is NaN.
    @inline(__always)
    public static func clamp(_ x: Double, low: Double, high: Double) -> Double {
        x.isNaN || low.isNaN || high.isNaN ? .nan : Swift.min(Swift.max(x, low), high)
    }

    // MARK: Columns

    /// |x| of each bar.
    public static func abs(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        check(x.count, out.count)
        for i in 0..<x.count { out[i] = abs(x[i]) }
    }

    /// Natural logarithm of each bar.
    public static func log(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        check(x.count, out.count)
        for i in 0..<x.count { out[i] = log(x[i]) }
    }

    /// e to the power of each bar.
    public static func exp(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        check(x.count, out.count)
        for i in 0..<x.count { out[i] = exp(x[i]) }
    }

    /// Square root of each bar.
    public static func sqrt(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        check(x.count, out.count)
        for i in 0..<x.count { out[i] = sqrt(x[i]) }
    }

    /// Each bar rounded half away from zero to `digits` decimals.
    public static func round(
        _ x: UnsafeBufferPointer<Double>, digits: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(x.count, out.count)
        for i in 0..<x.count { out[i] = round(x[i], digits: digits) }
    }

    /// The smaller of `a` and `b`, bar by bar.
    public static func min(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(a.count, b.count, out.count)
        for i in 0..<a.count { out[i] = min(a[i], b[i]) }
    }

    /// The smaller of `a` and the number `b`, bar by bar.
    public static func min(_ a: UnsafeBufferPointer<Double>, _ b: Double, into out: UnsafeMutableBufferPointer<Double>)
    {
        check(a.count, out.count)
        for i in 0..<a.count { out[i] = min(a[i], b) }
    }

    /// The larger of `a` and `b`, bar by bar.
    public static func max(
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(a.count, b.count, out.count)
        for i in 0..<a.count { out[i] = max(a[i], b[i]) }
    }

    /// The larger of `a` and the number `b`, bar by bar.
    public static func max(_ a: UnsafeBufferPointer<Double>, _ b: Double, into out: UnsafeMutableBufferPointer<Double>)
    {
        check(a.count, out.count)
        for i in 0..<a.count { out[i] = max(a[i], b) }
    }

    /// `base` to the power `exponent`, bar by bar.
    public static func pow(
        _ base: UnsafeBufferPointer<Double>, _ exponent: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(base.count, exponent.count, out.count)
        for i in 0..<base.count { out[i] = pow(base[i], exponent[i]) }
    }

    /// Each bar of `base` to the number `exponent`.
    public static func pow(
        _ base: UnsafeBufferPointer<Double>, _ exponent: Double, into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(base.count, out.count)
        for i in 0..<base.count { out[i] = pow(base[i], exponent) }
    }

    /// Each bar limited to the numbers [low, high].
    public static func clamp(
        _ x: UnsafeBufferPointer<Double>, low: Double, high: Double, into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(x.count, out.count)
        for i in 0..<x.count { out[i] = clamp(x[i], low: low, high: high) }
    }

    /// Each bar limited to the same bars of `low` and `high`.
    public static func clamp(
        _ x: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, high: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        check(x.count, low.count, high.count, out.count)
        for i in 0..<x.count { out[i] = clamp(x[i], low: low[i], high: high[i]) }
    }

    private static func check(_ counts: Int...) {
        precondition(Set(counts).count <= 1, "elementwise inputs and output must have one length")
    }
}
