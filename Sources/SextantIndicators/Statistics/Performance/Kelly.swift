/// The Kelly fraction: the share of equity that maximizes the expected log growth of a repeated bet.
///
/// `f* = W − (1 − W)/R` for win probability W and payoff ratio R (average win over average loss), the
/// definition Backtesting.py reports as "Kelly Criterion". `kelly(0.55, 1.5)` = 0.55 − 0.45/1.5 = 0.25.
/// A negative fraction means the edge is negative (do not bet); sizing clamps, not this function.
public enum Kelly {
    /// `scale·(W − (1 − W)/R)`; NaN when W is outside [0, 1], R ≤ 0 or any argument is NaN. `scale`
    /// 0.5 is "half Kelly".
    public static func fraction(winRate: Double, payoff: Double, scale: Double = 1) -> Double {
        guard winRate >= 0, winRate <= 1, payoff > 0, !scale.isNaN else { return .nan }
        return scale * (winRate - (1 - winRate) / payoff)
    }

    /// Elementwise `fraction` over columns of equal length.
    public static func fraction(winRate: [Double], payoff: [Double], scale: Double = 1) -> [Double] {
        precondition(winRate.count == payoff.count, "kelly columns must have one length")
        return zip(winRate, payoff).map { fraction(winRate: $0, payoff: $1, scale: scale) }
    }

    /// Bars before the first rolling value when the input starts valid.
    public static func lookback(length: Int) -> Int { length - 1 }

    /// Writes the rolling Kelly fraction estimated from the last `length` per-bar (or per-trade)
    /// `returns`: W = share of returns > 0, R = mean of the positive returns / mean magnitude of the
    /// negative ones (zeros count in W's denominator only) — Backtesting.py's estimate from trade P&L.
    /// No loss in the window gives W (R = ∞); no win gives NaN. First valid at bar `length − 1` of each
    /// NaN-free run (see `ValidRuns`); O(1) per bar (`WindowSum`).
    public static func kelly(
        _ returns: UnsafeBufferPointer<Double>, length: Int, into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([returns], [output]) { x, out, range in
            let count = range.count
            let result = out[0] + range.lowerBound
            guard length >= 1, length <= count else {
                ValidRuns.fillNaN(result, runStart: 0, runEnd: count)
                return
            }
            ValidRuns.fillNaN(result, runStart: 0, runEnd: length - 1)
            let r = x[0] + range.lowerBound
            let terms = ScratchColumn(count: count)
            let wins = ScratchColumn(count: count)
            let winCount = ScratchColumn(count: count)
            let losses = ScratchColumn(count: count)
            let lossCount = ScratchColumn(count: count)
            for index in 0..<count { terms.base[index] = Swift.max(r[index], 0) }
            WindowSum.compute(terms.base, count: count, length: length, wins.base)
            for index in 0..<count { terms.base[index] = r[index] > 0 ? 1 : 0 }
            WindowSum.compute(terms.base, count: count, length: length, winCount.base)
            for index in 0..<count { terms.base[index] = Swift.max(-r[index], 0) }
            WindowSum.compute(terms.base, count: count, length: length, losses.base)
            for index in 0..<count { terms.base[index] = r[index] < 0 ? 1 : 0 }
            WindowSum.compute(terms.base, count: count, length: length, lossCount.base)
            let n = Double(length)
            for index in (length - 1)..<count {
                let won = winCount.base[index]
                let lost = lossCount.base[index]
                let winRate = won / n
                if won == 0 {
                    result[index] = .nan
                } else if lost == 0 {
                    result[index] = winRate
                } else {
                    let payoff = (wins.base[index] / won) / (losses.base[index] / lost)
                    result[index] = winRate - (1 - winRate) / payoff
                }
            }
        }
    }

    /// The rolling Kelly fraction of the last `length` `returns`.
    public static func kelly(_ returns: [Double], length: Int) -> [Double] {
        KernelColumns.make(count: returns.count) { output in
            returns.withUnsafeBufferPointer { kelly($0, length: length, into: output) }
        }
    }
}
