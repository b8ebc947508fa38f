import Foundation

/// The returns between successive period-end equities, accumulated one value at a time into what the
/// annualized statistics need (`StatsCalculator.ReturnMoments`): Backtesting.py's geometric mean, the
/// sample variance by Welford's update and the downside mean square.
struct ReturnAccumulator {
    private var count = 0
    private var logSum = 0.0
    private var ruined = false
    private var mean = 0.0
    private var squares = 0.0
    private var downside = 0.0
    private var previous = Double.nan

    /// Adds the next period's last equity (the first only starts the returns; after a NaN, whose return
    /// is NaN, the next value starts them again).
    mutating func add(_ value: Double) {
        guard !previous.isNaN else {
            previous = value
            return
        }
        let r = value / previous - 1
        previous = value
        count += 1
        let growth = (r.isNaN ? 0 : r) + 1
        if growth <= 0 { ruined = true } else { logSum += log(growth) }
        let delta = r - mean
        mean += delta / Double(count)
        squares += delta * (r - mean)
        downside += r < 0 ? r * r : 0
    }

    /// The moments of the returns added so far (NaN with none).
    var moments: StatsCalculator.ReturnMoments {
        guard count > 0 else {
            return StatsCalculator.ReturnMoments(geometricMean: .nan, variance: .nan, downsideMeanSquare: .nan)
        }
        return StatsCalculator.ReturnMoments(
            geometricMean: ruined ? 0 : exp(logSum / Double(count)) - 1,
            variance: count > 1 ? squares / Double(count - 1) : .nan,
            downsideMeanSquare: downside / Double(count))
    }
}
