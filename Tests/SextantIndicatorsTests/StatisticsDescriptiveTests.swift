import SextantIndicators
import Testing

/// Rolling mean, sample standard deviation, z-score, correlation, covariance and regression by hand.
@Suite("Statistics: descriptive")
struct StatisticsDescriptiveTests {
    static func close(_ actual: Double, _ expected: Double, relative: Double = 1e-13) -> Bool {
        Swift.abs(actual - expected) <= relative * Swift.abs(expected)
    }

    @Test("z-score uses the sample standard deviation (ddof = 1)")
    func zscore() {
        // Mean 4; squared deviations 9, 4, 1, 0, 36 sum to 50; s = √(50/4).
        let value = ZScore.zscore([1, 2, 3, 4, 10], length: 5)[4]
        #expect(Self.close(value, 6 / 12.5.squareRoot()), "\(value)")
        #expect(!Self.close(value, 6 / 10.0.squareRoot()), "not the population deviation")
        #expect(ZScore.zscore([3, 3, 3, 3], length: 3).allSatisfy { $0.isNaN })
        #expect(ZScore.zscore([1, 2], length: 1).allSatisfy { $0.isNaN })
        #expect(Self.close(RollingStd.std([1, 2, 3, 4, 10], length: 5)[4], 12.5.squareRoot()))
        #expect(RollingMean.mean([1, 2, 3, 4, 10], length: 5)[4] == 4)
    }

    @Test("covariance, correlation and the regression of y = 2x + 1")
    func pairs() {
        let x: [Double] = [1, 2, 4, 7, 11]
        let y = x.map { 2 * $0 + 1 }
        // x̄ = 5; Σ(x − x̄)² = 16 + 9 + 1 + 4 + 36 = 66; cov(x, y) = 2·66/4.
        #expect(Self.close(Cov.cov(x, y, length: 5)[4], 33))
        #expect(Self.close(Corr.corr(x, y, length: 5)[4], 1))
        #expect(Self.close(Corr.corr(x, y.map { -$0 }, length: 5)[4], -1))
        #expect(Self.close(RollingBeta.beta(y: y, x: x, length: 5)[4], 2))
        let line = RollingLinReg.linreg(y: y, x: x, length: 5)
        #expect(Self.close(line.slope[4], 2) && Self.close(line.intercept[4], 1))
        #expect(line.slope.prefix(4).allSatisfy { $0.isNaN } && line.intercept.prefix(4).allSatisfy { $0.isNaN })
        // A flat x: covariance 0, correlation 0 (TA-Lib's convention), slope 0, intercept ȳ.
        let flat: [Double] = [3, 3, 3]
        #expect(Cov.cov(flat, [1, 2, 4], length: 3)[2] == 0)
        #expect(Corr.corr(flat, [1, 2, 4], length: 3)[2] == 0)
        let flatLine = RollingLinReg.linreg(y: [1, 2, 4], x: flat, length: 3)
        #expect(flatLine.slope[2] == 0 && Self.close(flatLine.intercept[2], 7.0 / 3))
    }

    @Test("corr is TA-Lib's CORREL")
    func corrIsCorrel() {
        let data = ReferenceData.shared
        let ours = Corr.corr(data.high, data.low, length: 30)
        let talib = Correl.correl(data.high, data.low, length: 30)
        #expect(zip(ours, talib).allSatisfy { $0.bitPattern == $1.bitPattern })
    }
}
