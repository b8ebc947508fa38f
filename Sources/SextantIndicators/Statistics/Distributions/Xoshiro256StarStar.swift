/// Blackman and Vigna's xoshiro256** (2018): 256 bits of state, period 2²⁵⁶ − 1, a scrambled
/// xor/shift/rotate linear engine that passes BigCrush. Deterministic for a seed on every platform
/// (Swift's `SystemRandomNumberGenerator` is neither seeded nor reproducible).
///
/// From the state (1, 2, 3, 4) it gives 11520, 0, 1509978240, 1215971899390074240, … — the reference
/// implementation's published outputs.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    /// The four state words; never all zero.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        state = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    /// A generator with the given state words (not all zero; tests use it for the published vector).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    /// The next 64 random bits: `rotl(s₁·5, 7)·9`, then the linear state update.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits times 2⁻⁵³, so every value is a multiple of 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    @inline(__always)
    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
