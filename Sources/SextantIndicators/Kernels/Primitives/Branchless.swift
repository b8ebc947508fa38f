/// Maximum and minimum written as the selects x86's `maxsd`/`minsd` implement.
///
/// `Swift.max` is `y >= x ? y : x`, which is not that shape; after vectorization LLVM sometimes lowers
/// it to data-dependent branches that mispredict on every other bar of a random walk. Inside a run
/// core no input is NaN (see `ValidRuns`), so these agree with `Swift.max`/`Swift.min`.
enum Branchless {
    /// The larger of `a` and `b`.
    @inline(__always)
    static func max(_ a: Double, _ b: Double) -> Double { a > b ? a : b }

    /// The lane-wise larger of `a` and `b` (`pointwiseMax` is generic and can lower to per-lane branches).
    @inline(__always)
    static func max(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a.replacing(with: b, where: a .< b) }

    /// The lane-wise absolute value.
    @inline(__always)
    static func abs(_ a: SIMD2<Double>) -> SIMD2<Double> { max(a, -a) }

    /// The smaller of `a` and `b`.
    @inline(__always)
    static func min(_ a: Double, _ b: Double) -> Double { a < b ? a : b }

    /// The lane-wise smaller of `a` and `b`.
    @inline(__always)
    static func min(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a.replacing(with: b, where: b .< a) }
}
