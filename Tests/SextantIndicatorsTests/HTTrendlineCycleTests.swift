import Foundation
import Testing

@testable import SextantIndicators

/// HT_TRENDLINE's arithmetic (decision D33) against TA-Lib's own (`TalibOrderHTTrendline`): the output
/// depends on the period only through the integer cycle length of each bar, so that integer must be
/// TA-Lib's on every bar, and the cycle mean from prefix sums must stay as exact as a direct sum.
@Suite("HT_TRENDLINE: TA-Lib's cycle lengths in the faster arithmetic")
struct HTTrendlineCycleTests {
    /// The cycle length `HTTrendlineStep` uses on every bar of `x` (−1 before the transform).
    static func cycles(_ x: [Double]) -> [Int] {
        var ring = [Double](repeating: 0, count: HTTrendlineStep.ringCount)
        var step = HTTrendlineStep()
        return ring.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return x.indices.map { bar in
                _ = step.update(x[bar], bar: bar, ring: base)
                guard bar >= HTTrendlineStep.firstTransformBar else { return -1 }
                return step.cycleLength
            }
        }
    }

    /// A random walk with a constant stretch of 2 to 40 bars starting on about one bar in 200.
    static func walkWithFlats(count: Int, seed: UInt64) -> [Double] {
        var random = SplitMix64(seed: seed)
        var value = 1e4
        var x: [Double] = []
        while x.count < count {
            if random.unit() < 0.005 {
                x += repeatElement(value, count: Swift.min(2 + Int(random.unit() * 39), count - x.count))
            } else {
                value *= 1 + (random.unit() - 0.5) * 0.03
                value += 1e-3 * (1e4 - value)
                x.append(value)
            }
        }
        return x
    }

    static let series: [(String, [Double])] = {
        var all: [(String, [Double])] = [("GOOG", ReferenceData.shared.close)]
        for (level, step, seed) in [(1e4, 0.002, 1), (1e4, 0.01, 2), (1e4, 0.05, 3), (1e-3, 0.01, 4), (100, 0.03, 5)] {
            let x = LinearRegressionPrecisionTests.walk(count: 40_000, level: level, step: step, seed: UInt64(seed))
            all.append(("walk at \(level), steps of \(step)", x))
        }
        all.append(("walk with constant stretches", walkWithFlats(count: 40_000, seed: 6)))
        return all
    }()

    @Test("every bar's cycle length is TA-Lib's")
    func cycleLengths() {
        for (name, x) in Self.series {
            let expected = TalibOrderHTTrendline.run(x).cycles
            let actual = Self.cycles(x)
            #expect(expected.count == actual.count)
            let differing = expected.indices.filter { expected[$0] != actual[$0] }
            #expect(differing.isEmpty, "\(name): cycle lengths differ at bars \(differing.prefix(5))")
        }
    }

    @Test("the trendline matches TA-Lib's, with 80-bit cycle sums, to 1e-13 relative")
    func trendline() {
        for (name, x) in Self.series {
            let expected = TalibOrderHTTrendline.run(x).trendline
            let actual = HTTrendline.htTrendline(x)
            var worst = 0.0
            for bar in x.indices where !expected[bar].isNaN {
                worst = Swift.max(worst, Swift.abs(actual[bar] - expected[bar]) / Swift.abs(expected[bar]))
            }
            #expect(worst <= 1e-13, "\(name): worst relative difference \(worst)")
            #expect(actual[..<63].allSatisfy(\.isNaN) && !actual[63].isNaN, "\(name): first valid bar")
        }
    }

    #if arch(x86_64) && !os(Windows)
        typealias Wide = Float80
        /// `0.015 · 2π / atan(im/re)` in 80-bit arithmetic.
        static func reference(re: Double, im: Double) -> Wide {
            Wide(0.015) * 2 * Wide.pi / atan(Wide(im) / Wide(re))
        }
    #else
        typealias Wide = Double
        /// `0.015 · 2π / atan(im/re)`.
        static func reference(re: Double, im: Double) -> Wide { 0.015 * 2 * Double.pi / atan(im / re) }
    #endif

    @Test("the period's rational matches 0.015·2π/atan(Im/Re) to a few ulps over the fitted angles")
    func rationalPeriod() {
        let tau = HTTrendlinePeriod.tau
        var worst = 0.0
        for index in 0...20_000 {
            let theta = 2 * Double.pi / 51 + (2 * Double.pi / 5.9 - 2 * Double.pi / 51) * Double(index) / 20_000
            let (re, im) = (cos(theta) * 37.5, sin(theta) * 37.5)
            let (v, w) = (im - tau * re, re + tau * im)
            let value = HTTrendlinePeriod.scaledPeriod(v: v, w: w, vSquared: v * v, wSquared: w * w)
            let expected = Self.reference(re: re, im: im)
            worst = Swift.max(worst, Double(Swift.abs(Wide(value) - expected) / expected))
            // A power-of-two scaling changes no bit; `normalized` relies on it.
            let unit = HTTrendlinePeriod.normalized(v: v, w: w)
            #expect(HTTrendlinePeriod.rescaled(v: unit.v, w: unit.w).bitPattern == value.bitPattern)
            let (large, small) = (0x1p40, 0x1p-150)
            #expect(
                HTTrendlinePeriod.scaledPeriod(
                    v: v * large, w: w * large, vSquared: v * large * v * large, wSquared: w * large * w * large
                ).bitPattern == value.bitPattern)
            let tiny = HTTrendlinePeriod.normalized(v: v * small, w: w * small)
            #expect(HTTrendlinePeriod.rescaled(v: tiny.v, w: tiny.w).bitPattern == value.bitPattern)
        }
        // Near 2π/51 the angle is c − 0.47: the cancellation makes the rounding of the fitted part up to
        // about eight ulps of the result; elsewhere it is one or two.
        #expect(worst <= 2.5e-15, "worst relative error \(worst)")
    }

    /// Price levels far from 1: every operation of the step is linear in the price or scale-free (the
    /// period depends on the phase vector's angle only), so scaling the prices by a power of two scales
    /// the trendline by it, bit for bit, as long as the squares of the price level stay doubles — also
    /// where the period's eighth powers and the side tests' squares would not (about 10⁷⁷ and 10⁻⁷⁷).
    @Test("HT_TRENDLINE of prices scaled by 2^k is the trendline scaled by 2^k", arguments: [-300, -160, 160, 300])
    func scaledPrices(_ exponent: Int) {
        let scale = Double(sign: .plus, exponent: exponent, significand: 1)
        // Cycles of 2 to 4 bars as well: their phase vectors fall outside the rational's angles, where
        // only the side tests on v² and w² decide the period.
        var random = SplitMix64(seed: 7)
        let short = (0..<20_000).map { bar in
            100 * (1 + 0.01 * sin(2 * Double.pi * Double(bar) / (2 + 2 * random.unit())))
        }
        for (name, close) in Self.series + [("cycles of 2 to 4 bars", short)] {
            let expected = HTTrendline.htTrendline(close).map { $0 * scale }
            let scaled = close.map { $0 * scale }
            let batch = HTTrendline.htTrendline(scaled)
            var stream = HTTrendlineStream()
            let streamed = scaled.map { stream.update($0) }
            let differing = expected.indices.filter { expected[$0].bitPattern != batch[$0].bitPattern }
            #expect(differing.isEmpty, "\(name), 2^\(exponent): differs at bars \(differing.prefix(5))")
            #expect(zip(batch, streamed).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(name), 2^\(exponent)")
        }
    }
}
