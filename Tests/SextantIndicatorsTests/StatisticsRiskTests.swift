import SextantIndicators
import Testing

/// Value at risk and expected shortfall: hand-computed windows and the properties that tie the three
/// VaR flavours together.
@Suite("Statistics: VaR and CVaR")
struct StatisticsRiskTests {
    static let nan = Double.nan

    /// Five returns in time order; sorted they are −5 %, −2 %, 0 %, 1 %, 3 %.
    static let five = [0.01, -0.02, 0.03, -0.05, 0.00]

    static func close(_ actual: Double, _ expected: Double, _ tolerance: Double = 1e-15) -> Bool {
        Swift.abs(actual - expected) <= tolerance
    }

    @Test("historical VaR and CVaR of a five-return window, by hand")
    func fiveReturns() {
        // 95 %: h = 4·0.05 = 0.2 between −5 % and −2 %: Q = −0.05 + 0.2·0.03 = −0.044; the tail at or
        // below −0.044 is {−0.05}.
        #expect(Self.close(VaRHistorical.valueAtRisk(Self.five, length: 5, confidence: 0.95)[4], 0.044))
        #expect(Self.close(CVaRHistorical.expectedShortfall(Self.five, length: 5, confidence: 0.95)[4], 0.05))
        // 99 %: h = 0.04, Q = −0.05 + 0.04·0.03 = −0.0488.
        #expect(Self.close(VaRHistorical.valueAtRisk(Self.five, length: 5, confidence: 0.99)[4], 0.0488))
        // 50 %: the median, 0; the tail {−5 %, −2 %, 0 %} averages −7/3 %.
        #expect(VaRHistorical.valueAtRisk(Self.five, length: 5, confidence: 0.5)[4] == 0)
        #expect(Self.close(CVaRHistorical.expectedShortfall(Self.five, length: 5, confidence: 0.5)[4], 0.07 / 3))
    }

    @Test("historical VaR rolls: each window drops its oldest return")
    func rolling() {
        let returns = Self.five + [0.04, -0.01]
        let value = VaRHistorical.valueAtRisk(returns, length: 5, confidence: 0.95)
        let shortfall = CVaRHistorical.expectedShortfall(returns, length: 5, confidence: 0.95)
        #expect(value.prefix(4).allSatisfy { $0.isNaN })
        // Bars 1…5 still have −5 % and −2 % at the bottom; bars 2…6 have −5 % and −1 %:
        // Q = −0.05 + 0.2·0.04 = −0.042.
        #expect(Self.close(value[4], 0.044) && Self.close(value[5], 0.044) && Self.close(value[6], 0.042))
        #expect(Self.close(shortfall[6], 0.05))
        // With ties the tail keeps every equal value: {−2 %, −2 %} averages −2 %.
        let tied = VaRHistorical.valueAtRisk([-0.02, -0.02, 0.01, 0.02], length: 4, confidence: 0.9)
        let tiedTail = CVaRHistorical.expectedShortfall([-0.02, -0.02, 0.01, 0.02], length: 4, confidence: 0.9)
        #expect(Self.close(tied[3], 0.02) && Self.close(tiedTail[3], 0.02))
    }

    @Test("parametric VaR: μ + σ·Φ⁻¹(1 − c) with the sample σ, by hand")
    func parametric() {
        // Mean 0; sample variance (1 + 1 + 4 + 4)·10⁻⁴/3; Φ⁻¹(0.05) = −1.6448536269514722.
        let returns = [0.01, -0.01, 0.02, -0.02]
        let expected = 1.6448536269514722 * (10.0 / 3).squareRoot() * 0.01
        let actual = VaRParametric.valueAtRisk(returns, length: 4, confidence: 0.95)[3]
        #expect(Swift.abs(actual - expected) <= 1e-15, "\(actual) vs \(expected)")
        let shifted = VaRParametric.valueAtRisk(returns.map { $0 + 0.001 }, length: 4, confidence: 0.95)[3]
        #expect(Swift.abs(shifted - (expected - 0.001)) <= 1e-15)
        #expect(VaRParametric.valueAtRisk(returns, length: 1, confidence: 0.95).allSatisfy { $0.isNaN })
    }

    @Test("Monte Carlo VaR equals a brute-force simulation of the same seeded draws")
    func monteCarloBruteForce() {
        let returns = StatisticsReference.shared.column("t_returns")
        let kernel = VaRMonteCarlo.valueAtRisk(returns, length: 60, confidence: 0.975, paths: 5000, seed: 11)
        let draws = NormalSampler.draws(count: 5000, seed: 11)
        for bar in [59, 400, returns.count - 1] {
            let window = returns[(bar - 59)...bar]
            let mean = window.reduce(0, +) / 60
            let deviation = (window.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 59).squareRoot()
            let simulated = draws.map { mean + deviation * $0 }.sorted()
            // numpy's linear quantile at 1 − 0.975, by its definition.
            let position = Double(simulated.count - 1) * (1 - 0.975)
            let below = Int(position)
            let fraction = position - Double(below)
            let quantile = simulated[below] + fraction * (simulated[below + 1] - simulated[below])
            #expect(Swift.abs(kernel[bar] + quantile) <= 1e-13 * Swift.abs(quantile), "bar \(bar)")
        }
    }

    @Test("Monte Carlo VaR is deterministic per seed and converges to the parametric VaR")
    func monteCarloProperties() {
        let returns = Array(StatisticsReference.shared.column("t_returns").prefix(400))
        let first = VaRMonteCarlo.valueAtRisk(returns, length: 100, confidence: 0.99, paths: 2000, seed: 5)
        let again = VaRMonteCarlo.valueAtRisk(returns, length: 100, confidence: 0.99, paths: 2000, seed: 5)
        let other = VaRMonteCarlo.valueAtRisk(returns, length: 100, confidence: 0.99, paths: 2000, seed: 6)
        #expect(zip(first, again).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(first[399] != other[399])
        let many = VaRMonteCarlo.valueAtRisk(returns, length: 100, confidence: 0.99, paths: 400_000, seed: 5)
        let parametric = VaRParametric.valueAtRisk(returns, length: 100, confidence: 0.99)
        for bar in 99..<400 { #expect(Swift.abs(many[bar] / parametric[bar] - 1) < 0.01, "bar \(bar)") }
        #expect(VaRMonteCarlo.valueAtRisk(returns, length: 100, confidence: 0.99, paths: 0).allSatisfy { $0.isNaN })
    }

    @Test("CVaR is never below VaR, and VaR grows with the confidence")
    func ordering() {
        let returns = StatisticsReference.shared.column("goog_returns")
        let var95 = VaRHistorical.valueAtRisk(returns, length: 60, confidence: 0.95)
        let var99 = VaRHistorical.valueAtRisk(returns, length: 60, confidence: 0.99)
        let cvar95 = CVaRHistorical.expectedShortfall(returns, length: 60, confidence: 0.95)
        for bar in 60..<returns.count {
            #expect(cvar95[bar] >= var95[bar] && var99[bar] >= var95[bar], "bar \(bar)")
        }
    }

    @Test("confidences outside (0, 1) and too-short windows give all NaN")
    func invalidSettings() {
        for confidence in [0.0, 1.0, -0.5, 1.5, Self.nan] {
            #expect(VaRHistorical.valueAtRisk(Self.five, length: 5, confidence: confidence).allSatisfy { $0.isNaN })
            #expect(
                CVaRHistorical.expectedShortfall(Self.five, length: 5, confidence: confidence).allSatisfy { $0.isNaN })
            #expect(VaRParametric.valueAtRisk(Self.five, length: 5, confidence: confidence).allSatisfy { $0.isNaN })
            #expect(VaRMonteCarlo.valueAtRisk(Self.five, length: 5, confidence: confidence).allSatisfy { $0.isNaN })
        }
        #expect(VaRHistorical.valueAtRisk(Self.five, length: 6).allSatisfy { $0.isNaN })
        #expect(VaRHistorical.valueAtRisk(Self.five, length: 0).allSatisfy { $0.isNaN })
    }
}
