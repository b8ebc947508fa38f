/// Vigna's SplitMix64 generator: a 64-bit counter advanced by the golden-ratio increment and passed
/// through a bijective mixer. Used to expand one seed into the four words of `Xoshiro256StarStar`'s
/// state, as its authors recommend (seeding xoshiro with correlated words would give correlated
/// streams).
///
/// From seed 1234567 the first outputs are 6457827717110365317, 3203168211198807973, …
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The counter.
    public private(set) var state: UInt64

    /// A generator whose counter starts at `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
