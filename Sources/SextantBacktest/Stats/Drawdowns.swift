import SextantCore

/// Drawdown of an equity curve and its episodes, as Backtesting.py's
/// `compute_drawdown_duration_peaks`: an episode runs between two bars at the running peak (or the
/// last bar) with at least one bar between them; its duration is the time between those two bars and
/// its depth the deepest drawdown between them. One pass, no temporary arrays.
struct Drawdowns {
    /// 1 − equity / running peak, per bar.
    let values: [Double]
    /// The deepest drawdown (0 when there is none; NaN values are ignored, as `nan_to_num`).
    let maxDrawdown: Double
    /// The number of episodes.
    let episodeCount: Int
    /// The sum of the episodes' depths and durations (seconds), and the longest duration.
    private let depthSum: Double
    private let durationSum: Double
    private let longest: Double

    init(equity: [Double], time: [Int64]) {
        let count = equity.count
        var values = HugePages.column(count: count, repeating: 0)
        var peak = -Double.infinity
        var deepest = 0.0
        var anchor = 0
        var episodeDepth = 0.0
        var episodes = 0
        var depthSum = 0.0
        var durationSum = 0.0
        var longest = -Double.infinity
        values.withUnsafeMutableBufferPointer { values in
            equity.withUnsafeBufferPointer { equity in
                for index in 0..<count {
                    peak = max(peak, equity[index])
                    let value = 1 - equity[index] / peak
                    values[index] = value
                    if value > deepest { deepest = value }
                    // The anchors are the bars at the peak, and the last bar.
                    guard value == 0 || index == count - 1 else {
                        if value > episodeDepth { episodeDepth = value }
                        continue
                    }
                    if index > anchor + 1 {
                        let depth = max(episodeDepth, value)
                        let duration = Double(time[index] - time[anchor])
                        episodes += 1
                        depthSum += depth
                        durationSum += duration
                        longest = max(longest, duration)
                    }
                    anchor = index
                    episodeDepth = 0
                }
            }
        }
        self.values = values
        self.maxDrawdown = deepest
        self.episodeCount = episodes
        self.depthSum = depthSum
        self.durationSum = durationSum
        self.longest = longest
    }

    /// The mean depth of the episodes (NaN when there are none).
    var averagePeak: Double { episodeCount == 0 ? .nan : depthSum / Double(episodeCount) }

    /// The longest episode in seconds (NaN when there are none).
    var maxDuration: Double { episodeCount == 0 ? .nan : longest }

    /// The mean episode length in seconds (NaN when there are none).
    var averageDuration: Double { episodeCount == 0 ? .nan : durationSum / Double(episodeCount) }
}
