import SextantCore

/// Drawdown of an equity curve and its episodes, as Backtesting.py's
/// `compute_drawdown_duration_peaks`: an episode runs between two bars at the running peak (or the
/// last bar) with at least one bar between them; its duration is the time between those two bars and
/// its depth the deepest drawdown between them. One pass, no temporary arrays.
///
/// The per-bar drawdown `1 − equity / running peak` (`values(of:)`) is what the JSON and the report
/// draw; the summary does not need it bar by bar. When every equity is finite and positive, a bar is
/// at the peak exactly when its drawdown is 0 (for 0 < e < p, e/p ≤ p⁻/p < 1 − 2⁻⁵³ rounds below 1),
/// and within an episode the peak is fixed, so the deepest drawdown of an episode is
/// `1 − (lowest equity) / peak` (division and subtraction round monotonically): one division per
/// episode instead of one per bar, the same bits. Any other curve takes the per-bar definition.
struct Drawdowns {
    /// The deepest drawdown (0 when there is none; NaN values are ignored, as `nan_to_num`).
    let maxDrawdown: Double
    /// The number of episodes.
    let episodeCount: Int
    /// The highest equity (of a curve of finite positive values; NaN otherwise: see `equity.max()`).
    let peak: Double
    /// The sum of the episodes' depths and durations (seconds), and the longest duration.
    private let depthSum: Double
    private let durationSum: Double
    private let longest: Double

    init(equity: [Double], time: [Int64]) {
        let summary = equity.withUnsafeBufferPointer { equity in
            time.withUnsafeBufferPointer { time in
                Self.positiveCurve(equity, time) ?? Self.anyCurve(equity, time)
            }
        }
        self.init(summary: summary)
    }

    /// The drawdowns of a summary (`positiveCurve`, `anyCurve`, or a `DrawdownScan`).
    init(summary: Summary) {
        (maxDrawdown, episodeCount, peak, depthSum, durationSum, longest) = summary
    }

    typealias Summary = (
        deepest: Double, episodes: Int, peak: Double, depthSum: Double, durationSum: Double, longest: Double
    )

    /// The summary without a division per bar (`DrawdownScan`), or nil when some equity is not finite
    /// and positive.
    static func positiveCurve(_ equity: UnsafeBufferPointer<Double>, _ time: UnsafeBufferPointer<Int64>)
        -> Summary?
    {
        let count = equity.count
        guard count > 0 else { return (0, 0, .nan, 0, 0, -.infinity) }
        var scan = DrawdownScan(first: equity[0])
        var index = 1
        while index + 4 <= count, scan.positive {
            scan.block(equity[index], equity[index + 1], equity[index + 2], equity[index + 3], at: index, time: time)
            index += 4
        }
        while index < count {
            scan.step(equity[index], at: index, time: time)
            index += 1
        }
        return scan.summary(count: count, last: equity[count - 1], time: time)
    }

    /// The summary by the per-bar definition, for any curve (zero, negative or NaN equity).
    static func anyCurve(_ equity: UnsafeBufferPointer<Double>, _ time: UnsafeBufferPointer<Int64>)
        -> Summary
    {
        let count = equity.count
        var peak = -Double.infinity
        var deepest = 0.0
        var anchor = 0
        var episodeDepth = 0.0
        var episodes = 0
        var depthSum = 0.0
        var durationSum = 0.0
        var longest = -Double.infinity
        for index in 0..<count {
            peak = max(peak, equity[index])
            let value = 1 - equity[index] / peak
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
        return (deepest, episodes, .nan, depthSum, durationSum, longest)
    }

    /// 1 − equity / running peak, per bar.
    static func values(of equity: [Double]) -> [Double] {
        let count = equity.count
        var peak = -Double.infinity
        return HugePages.column(count: count) { values in
            equity.withUnsafeBufferPointer { equity in
                for index in 0..<count {
                    peak = max(peak, equity[index])
                    values[index] = 1 - equity[index] / peak
                }
            }
        }
    }

    /// The mean depth of the episodes (NaN when there are none).
    var averagePeak: Double { episodeCount == 0 ? .nan : depthSum / Double(episodeCount) }

    /// The longest episode in seconds (NaN when there are none).
    var maxDuration: Double { episodeCount == 0 ? .nan : longest }

    /// The mean episode length in seconds (NaN when there are none).
    var averageDuration: Double { episodeCount == 0 ? .nan : durationSum / Double(episodeCount) }
}
