/// Drawdown of an equity curve and its episodes, as Backtesting.py's
/// `compute_drawdown_duration_peaks`: an episode runs between two bars at the running peak (or the
/// last bar) with at least one bar between them; its duration is the time between those two bars and
/// its depth the deepest drawdown between them.
struct Drawdowns {
    /// 1 − equity / running peak, per bar.
    let values: [Double]
    /// Each episode's (duration in seconds, deepest drawdown).
    let episodes: [(duration: Double, depth: Double)]

    init(equity: [Double], time: [Int64]) {
        var peak = -Double.infinity
        var values = [Double](repeating: 0, count: equity.count)
        for index in equity.indices {
            peak = max(peak, equity[index])
            values[index] = 1 - equity[index] / peak
        }
        self.values = values
        var anchors = values.indices.filter { values[$0] == 0 }
        if let last = values.indices.last, anchors.last != last { anchors.append(last) }
        var episodes: [(Double, Double)] = []
        for (previous, next) in zip(anchors, anchors.dropFirst()) where next > previous + 1 {
            let depth = values[previous...next].max() ?? 0
            episodes.append((Double(time[next] - time[previous]), depth))
        }
        self.episodes = episodes
    }

    /// The deepest drawdown (0 when there is none; NaN values are ignored, as `nan_to_num`).
    var maxDrawdown: Double { values.filter { !$0.isNaN }.max() ?? 0 }

    /// The mean depth of the episodes (NaN when there are none).
    var averagePeak: Double {
        episodes.isEmpty ? .nan : episodes.reduce(0) { $0 + $1.depth } / Double(episodes.count)
    }

    /// The longest episode in seconds (NaN when there are none).
    var maxDuration: Double { episodes.map(\.duration).max() ?? .nan }

    /// The mean episode length in seconds (NaN when there are none).
    var averageDuration: Double {
        episodes.isEmpty ? .nan : episodes.reduce(0) { $0 + $1.duration } / Double(episodes.count)
    }
}
