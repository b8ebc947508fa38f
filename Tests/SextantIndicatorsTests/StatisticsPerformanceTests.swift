import SextantIndicators
import Testing

/// Performance ratios, drawdowns and Kelly on hand-computed windows.
@Suite("Statistics: performance ratios and drawdowns")
struct StatisticsPerformanceTests {
    static let nan = Double.nan

    static func close(_ actual: Double, _ expected: Double, relative: Double = 1e-14) -> Bool {
        Swift.abs(actual - expected) <= relative * Swift.abs(expected)
    }

    @Test("maximum drawdown and its duration of 100, 120, 90, 95, 130")
    func drawdownByHand() {
        let prices: [Double] = [100, 120, 90, 95, 130]
        #expect(MaxDrawdown.maxDrawdown(prices, length: 5)[4] == 1 - 90.0 / 120)
        #expect(DrawdownDuration.drawdownDuration(prices, length: 5)[4] == 2)
        // Windows of three: (100, 120, 90) → 0.25; (120, 90, 95) → 0.25; (90, 95, 130) → 0.
        let rolling = MaxDrawdown.maxDrawdown(prices, length: 3)
        #expect(rolling[0].isNaN && rolling[1].isNaN)
        #expect(rolling[2] == 0.25 && rolling[3] == 0.25 && rolling[4] == 0)
        #expect(DrawdownDuration.drawdownDuration(prices, length: 3).dropFirst(2) == [1, 2, 0])
        // The peak is the window's own: a drawdown that began before the window is not counted.
        #expect(MaxDrawdown.maxDrawdown([200, 100, 110, 105], length: 3)[3] == 1 - 105.0 / 110)
        #expect(MaxDrawdown.maxDrawdown([100, 101, 102], length: 1).allSatisfy { $0 == 0 })
        #expect(MaxDrawdown.maxDrawdown([100, -5, 102, 103], length: 2).map(\.isNaN) == [true, true, true, false])
    }

    @Test("Sharpe: mean over sample standard deviation times √periods")
    func sharpeByHand() {
        // Mean 2 %, sample standard deviation 1 %.
        let value = Sharpe.sharpe([0.01, 0.02, 0.03], length: 3, periods: 252)[2]
        #expect(Self.close(value, 2 * 252.0.squareRoot()), "\(value)")
        #expect(Sharpe.sharpe([0.01, 0.01, 0.01], length: 3)[2] == .infinity)
        #expect(Sharpe.sharpe([0, 0, 0], length: 3)[2].isNaN)
        #expect(Sharpe.sharpe([0.01, 0.02], length: 1).allSatisfy { $0.isNaN })
    }

    @Test("Sortino: the downside deviation averages squared losses over every return")
    func sortinoByHand() {
        // Mean 0.5 %; squared shortfalls 0, 1e-4, 0, 4e-4 average 1.25e-4.
        let returns = [0.02, -0.01, 0.03, -0.02]
        let value = Sortino.sortino(returns, length: 4, periods: 252)[3]
        #expect(Self.close(value, 0.005 / 1.25e-4.squareRoot() * 252.0.squareRoot()), "\(value)")
        #expect(Sortino.sortino([0.01, 0.02, 0.0], length: 3)[2] == .infinity)
        #expect(Sortino.sortino([0.0, 0.0, 0.0], length: 3)[2].isNaN)
        // A loss that has left the window leaves no residue: exactly no downside afterwards.
        let afterLoss = Sortino.sortino([-0.5, 0.01, 0.02, 0.01, 0.03], length: 3)
        #expect(afterLoss[3] == .infinity && afterLoss[4] == .infinity)
    }

    @Test("Omega: gains above the threshold over shortfalls below it")
    func omegaByHand() {
        let returns = [0.02, -0.01, 0.03, -0.02]
        #expect(Self.close(Omega.omega(returns, length: 4, threshold: 0)[3], 0.05 / 0.03))
        // Threshold 1 %: gains 0.01 + 0.02, shortfalls 0.02 + 0.03.
        #expect(Self.close(Omega.omega(returns, length: 4, threshold: 0.01)[3], 0.03 / 0.05, relative: 1e-13))
        #expect(Omega.omega([0.01, 0.02], length: 2)[1] == .infinity)
        #expect(Omega.omega([0.01, 0.01], length: 2, threshold: 0.01)[1].isNaN)
    }

    @Test("Calmar: compounded annual return over the window's maximum drawdown")
    func calmarByHand() {
        // Equity 1 → 1.1 → 0.88 → 0.968: drawdown 1 − 0.88/1.1 = 0.2; with periods = n the annual
        // return is the total, −3.2 %.
        let value = Calmar.calmar([0.1, -0.2, 0.1], length: 3, periods: 3)[2]
        #expect(Self.close(value, -0.032 / 0.2, relative: 1e-13), "\(value)")
        // A first-bar loss is a drawdown from the starting equity.
        let first = Calmar.calmar([-0.1, 0.05], length: 2, periods: 2)[1]
        #expect(Self.close(first, (0.9 * 1.05 - 1) / 0.1, relative: 1e-13), "\(first)")
        #expect(Calmar.calmar([0.01, 0.02], length: 2)[1] == .infinity)
        #expect(Calmar.calmar([0.01, -1.0, 0.02], length: 2).map(\.isNaN) == [true, true, true])
    }

    @Test("Kelly: W − (1 − W)/R, scalar and rolling")
    func kellyByHand() {
        #expect(Kelly.fraction(winRate: 0.55, payoff: 1.5) == 0.55 - 0.45 / 1.5)
        #expect(Kelly.fraction(winRate: 0.55, payoff: 1.5, scale: 0.5) == 0.5 * (0.55 - 0.45 / 1.5))
        #expect(Kelly.fraction(winRate: 0.4, payoff: 1) < 0)
        for (winRate, payoff) in [(1.2, 1.0), (-0.1, 1.0), (0.5, 0.0), (0.5, -1.0), (Self.nan, 1.0)] {
            #expect(Kelly.fraction(winRate: winRate, payoff: payoff).isNaN)
        }
        #expect(Kelly.fraction(winRate: [0.5, 0.6], payoff: [2, 1]) == [0.5 - 0.5 / 2, 0.6 - 0.4 / 1])
        // W = 2/5 (the zero is not a win), R = 2.5 % / 1.5 %: 0.4 − 0.6·0.015/0.025 = 0.04.
        let rolling = Kelly.kelly([0.02, -0.01, 0.03, -0.02, 0], length: 5)
        #expect(Self.close(rolling[4], 0.04, relative: 1e-13), "\(rolling[4])")
        #expect(Kelly.kelly([0.01, 0.0, 0.02], length: 3)[2] == 2.0 / 3)
        #expect(Kelly.kelly([-0.01, 0.0, -0.02], length: 3)[2].isNaN)
    }
}
