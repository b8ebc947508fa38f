import Foundation

/// Standard normal draws from `Xoshiro256StarStar` by the Box–Muller transform.
///
/// Each pair of uniforms u₁ = 1 − U (in (0, 1], so the logarithm never sees 0) and u₂ = U′ gives two
/// independent draws `√(−2 ln u₁)·cos(2πu₂)` and `√(−2 ln u₁)·sin(2πu₂)`, used in that order. Box–Muller
/// is exact (no rejection, no table), so the draws depend only on the seed and the platform's libm
/// `log`/`cos`/`sin` (glibc's are correctly rounded in practice; the reference script uses the same).
public enum NormalSampler {
    /// Fills `output` with standard normal draws from `generator`.
    public static func fill(_ output: UnsafeMutableBufferPointer<Double>, using generator: inout Xoshiro256StarStar) {
        var index = 0
        while index < output.count {
            let u1 = 1 - generator.nextUnit()
            let u2 = generator.nextUnit()
            let radius = (-2 * log(u1)).squareRoot()
            let angle = 2 * Double.pi * u2
            output[index] = radius * cos(angle)
            if index + 1 < output.count { output[index + 1] = radius * sin(angle) }
            index += 2
        }
    }

    /// `count` standard normal draws from a generator seeded with `seed`.
    public static func draws(count: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(seed: seed)
        return [Double](unsafeUninitializedCapacity: Swift.max(count, 0)) { buffer, initialized in
            buffer.initialize(repeating: 0)
            fill(buffer, using: &generator)
            initialized = buffer.count
        }
    }
}
