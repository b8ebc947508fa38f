import SextantIndicators
import Testing

/// Hurst exponent and Ornstein–Uhlenbeck half-life on paths whose answers are known.
@Suite("Statistics: Hurst and half-life")
struct StatisticsMeanReversionTests {
    @Test("half-life of an exact geometric decay towards 0")
    func halfLifeDecay() {
        // xₜ = ½·xₜ₋₁: Δxₜ = −½·xₜ₋₁ exactly, so b = −½ and the half-life is ln 2/½.
        let path: [Double] = [64, 32, 16, 8, 4, 2, 1]
        let rolling = HalfLife.halfLife(path, length: 5)
        #expect(rolling.prefix(4).allSatisfy { $0.isNaN })
        for bar in 4..<path.count { #expect(Swift.abs(rolling[bar] - 2 * 0.6931471805599453) < 1e-14, "bar \(bar)") }
        #expect(Swift.abs(HalfLife.halfLife(path) - 2 * 0.6931471805599453) < 1e-14)
    }

    @Test("half-life is NaN without mean reversion")
    func halfLifeTrending() {
        #expect(HalfLife.halfLife([1, 2, 4, 8, 16]).isNaN)
        #expect(HalfLife.halfLife([5, 5, 5, 5]).isNaN)
        #expect(HalfLife.halfLife([1, 2, 3], length: 2).allSatisfy { $0.isNaN })
        // The seeded AR(1) reverts with φ = 0.8: b ≈ −0.2, half-life ≈ ln 2/0.2 ≈ 3.5 bars.
        let ar1 = HalfLife.halfLife(StatisticsReference.shared.column("ar1"))
        #expect(ar1 > 2.5 && ar1 < 5, "\(ar1)")
    }

    @Test("Hurst of alternating increments is 0: every chunk has R/S = 1")
    func hurstAlternating() {
        // 33 values, 32 increments +1, −1, …: chunks of 32, 16 and 8 all have mean 0, cumulative
        // deviations 1, 0, 1, 0, … (R = 1) and S = 1.
        let path = (0..<33).map { Double($0 % 2) }
        let value = Hurst.hurst(path, length: 33)[32]
        #expect(Swift.abs(value) < 1e-15, "\(value)")
        #expect(Hurst.exponent(path) == value)
        #expect(Hurst.hurst(Array(path.prefix(16)), length: 16).allSatisfy { $0.isNaN })
        // Constant increments: no chunk has an R/S.
        #expect(Hurst.hurst((0..<40).map(Double.init), length: 40)[39].isNaN)
    }

    @Test("Hurst orders mean reversion, a random walk and persistence")
    func hurstOrdering() {
        let reference = StatisticsReference.shared
        func median(_ values: [Double]) -> Double {
            let sorted = values.filter { !$0.isNaN }.sorted()
            return sorted[sorted.count / 2]
        }
        let reverting = median(Hurst.hurst(reference.column("ar1"), length: 256))
        let walk = median(Hurst.hurst(reference.column("random_walk"), length: 256))
        #expect(reverting < 0.45, "AR(1) levels: \(reverting)")
        #expect(walk > 0.45 && walk < 0.75, "random walk: \(walk)")
        // Cumulating the AR(1) deviations gives positively autocorrelated increments: a persistent path.
        var level = 0.0
        let persistent = reference.column("ar1").map { value -> Double in
            level += value - 10
            return level
        }
        let trending = median(Hurst.hurst(persistent, length: 256))
        #expect(trending > walk + 0.1, "persistent path: \(trending), random walk: \(walk)")
    }
}
