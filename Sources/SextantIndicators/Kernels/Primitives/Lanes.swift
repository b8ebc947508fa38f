/// Two adjacent doubles as one `SIMD2` (an SSE2 register): the loads, stores and lane-wise operations
/// of the kernels that process two bars per step by hand.
///
/// Each lane-wise operation gives, in each lane, the bits of its scalar counterpart, so a streaming
/// twin that works one bar at a time with the scalar forms stays bit-identical to a kernel that uses
/// these.
enum Lanes {
    /// `pointer[0]` and `pointer[1]` (no alignment needed).
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD2<Double>.self)
    }

    /// Writes `value` to `pointer[0]` and `pointer[1]` (no alignment needed).
    @inline(__always)
    static func store(_ value: SIMD2<Double>, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD2<Double>.self)
    }

    /// `value.squareRoot()` in each lane for `value ≥ 0` or NaN, in one packed `sqrtpd`.
    ///
    /// Swift lowers `squareRoot()` to a call of C's `sqrt`, which LLVM keeps scalar (it may set
    /// `errno` on a negative argument) behind a `sqrtsd` fast path; packed, a square root costs half
    /// as much. Taking the magnitude first proves the argument non-negative, which lets LLVM use its
    /// own `sqrt`; it changes nothing for the arguments this is for (−0 would become +0).
    @inline(__always)
    static func squareRoot(_ value: SIMD2<Double>) -> SIMD2<Double> {
        SIMD2(squareRoot(value.x), squareRoot(value.y))
    }

    /// The one-lane form of `squareRoot(_:)`, bit for bit a lane of it (and branch-free: a bare
    /// `sqrtsd`), for the bars a two-bar loop handles one at a time and for the streaming twins.
    @inline(__always)
    static func squareRoot(_ value: Double) -> Double {
        value.magnitude.squareRoot()
    }
}
