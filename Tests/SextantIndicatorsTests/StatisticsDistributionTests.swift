import SextantIndicators
import Testing

/// The normal distribution and the seeded random numbers behind the Monte Carlo VaR.
@Suite("Statistics: distributions and random numbers")
struct StatisticsDistributionTests {
    static let distributions = StatisticsReference.shared.document.distributions
    static let random = StatisticsReference.shared.document.random

    @Test("AS 241 quantiles agree with the exact values (mpmath) to 1e-15 relative and with scipy")
    func quantileAccuracy() throws {
        let table = Self.distributions.normalQuantile
        let exact = try #require(table.exact, "the reference was generated without mpmath")
        for (index, p) in table.p.enumerated() {
            let actual = NormalDistribution.quantile(p)
            #expect(
                StatisticsReferenceTests.agrees(actual, exact[index], relative: 1e-15, absolute: 1e-300),
                "p = \(p): \(actual) vs exact \(exact[index])")
            #expect(
                StatisticsReferenceTests.agrees(actual, table.scipy[index], relative: 1e-15, absolute: 1e-300),
                "p = \(p): \(actual) vs scipy \(table.scipy[index])")
        }
    }

    @Test("quantile edges, symmetry and the round trip through the CDF")
    func quantileEdges() {
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(0.5) == 0)
        #expect(NormalDistribution.quantile(-0.1).isNaN)
        #expect(NormalDistribution.quantile(1.1).isNaN)
        #expect(NormalDistribution.quantile(.nan).isNaN)
        // Dyadic p, so that 1 − p is exact and the two calls see mirror-image inputs.
        for p in [0x1p-10, 0.0625, 0.25, 0.375] {
            #expect(NormalDistribution.quantile(1 - p) == -NormalDistribution.quantile(p), "p = \(p)")
        }
        for p in [1e-12, 1e-5, 0.01, 0.2, 0.5, 0.8, 0.99] {
            let roundTrip = NormalDistribution.cdf(NormalDistribution.quantile(p))
            #expect(Swift.abs(roundTrip - p) <= 1e-14 * p, "p = \(p): \(roundTrip)")
        }
    }

    @Test("the CDF agrees with the exact values within its conditioning, and with scipy's ndtr")
    func cdf() throws {
        let table = Self.distributions.normalCdf
        let exact = try #require(table.exact, "the reference was generated without mpmath")
        for (index, x) in table.x.enumerated() {
            let actual = NormalDistribution.cdf(x)
            // Rounding x/√2 alone moves Φ(x) by about x²·ε relative in the lower tail.
            #expect(
                StatisticsReferenceTests.agrees(actual, exact[index], relative: 1e-15 * (1 + x * x), absolute: 1e-300),
                "x = \(x): \(actual) vs exact \(exact[index])")
            #expect(
                StatisticsReferenceTests.agrees(actual, table.scipy[index], relative: 1e-13, absolute: 1e-300),
                "x = \(x): \(actual) vs scipy \(table.scipy[index])")
        }
        #expect(NormalDistribution.cdf(.nan).isNaN)
        #expect(NormalDistribution.cdf(-.infinity) == 0)
        #expect(NormalDistribution.cdf(.infinity) == 1)
        #expect(NormalDistribution.cdf(0) == 0.5)
    }

    @Test("SplitMix64 and xoshiro256** reproduce the published reference outputs")
    func publishedVectors() {
        var splitMix = SplitMix64(seed: 1_234_567)
        let splitMixExpected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in splitMix.next() } == splitMixExpected)
        var fromZero = SplitMix64(seed: 0)
        #expect(fromZero.next() == 0xE220_A839_7B1D_CDAF)
        var xoshiro = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let xoshiroExpected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in xoshiro.next() } == xoshiroExpected)
        #expect(Self.random.xoshiroState1234.compactMap(UInt64.init) == xoshiroExpected)
        #expect(Self.random.splitmix1234567.compactMap(UInt64.init) == splitMixExpected)
    }

    @Test("seeded streams and normal draws match the reference script's transcription bit for bit")
    func seededStreams() {
        var generator = Xoshiro256StarStar(seed: 1)
        let expected = Self.random.xoshiroSeed1.compactMap(UInt64.init)
        #expect(expected.count == 8)
        #expect((0..<8).map { _ in generator.next() } == expected)
        let draws = NormalSampler.draws(count: Self.random.normalsSeed1.count, seed: 1)
        #expect(draws == Self.random.normalsSeed1)
    }

    @Test("draws are deterministic for a seed, differ across seeds, and look standard normal")
    func drawProperties() {
        #expect(NormalSampler.draws(count: 101, seed: 7) == NormalSampler.draws(count: 101, seed: 7))
        #expect(NormalSampler.draws(count: 4, seed: 7) != NormalSampler.draws(count: 4, seed: 8))
        // An odd count uses the cosine half of the last pair only.
        #expect(NormalSampler.draws(count: 3, seed: 7) == Array(NormalSampler.draws(count: 4, seed: 7).prefix(3)))
        let sample = NormalSampler.draws(count: 200_000, seed: 2024)
        let mean = sample.reduce(0, +) / Double(sample.count)
        let variance = sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sample.count - 1)
        #expect(Swift.abs(mean) < 0.01)
        #expect(Swift.abs(variance - 1) < 0.01)
        let belowTail = Double(sample.filter { $0 < -1.6448536269514722 }.count) / Double(sample.count)
        #expect(Swift.abs(belowTail - 0.05) < 0.002)
        var unit = Xoshiro256StarStar(seed: 99)
        #expect((0..<10_000).allSatisfy { _ in (0..<1).contains(unit.nextUnit()) })
    }
}
