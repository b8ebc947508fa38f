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
        (maxDrawdown, episodeCount, peak, depthSum, durationSum, longest) = summary
    }

    typealias Summary = (
        deepest: Double, episodes: Int, peak: Double, depthSum: Double, durationSum: Double, longest: Double
    )

    /// The summary without a division per bar, or nil when some equity is not finite and positive.
    static func positiveCurve(_ equity: UnsafeBufferPointer<Double>, _ time: UnsafeBufferPointer<Int64>)
        -> Summary?
    {
        let count = equity.count
        guard count > 0 else { return (0, 0, .nan, 0, 0, -.infinity) }
        var peak = equity[0]
        guard peak > 0, peak.isFinite else { return nil }
        var deepest = 0.0
        var anchor = 0
        var lowest = Double.infinity
        var episodes = 0
        var depthSum = 0.0
        var durationSum = 0.0
        var longest = -Double.infinity
        // An episode from `anchor` to `index`: `lowest` is the least equity strictly between them.
        func close(at index: Int, lowest: Double) {
            let depth = lowest.isFinite ? 1 - lowest / peak : 0
            if depth > deepest { deepest = depth }
            guard index > anchor + 1 else { return }
            let duration = Double(time[index] - time[anchor])
            episodes += 1
            depthSum += depth
            durationSum += duration
            longest = max(longest, duration)
        }
        var index = 1
        while index < count {
            // Four bars above zero and below the peak only lower the episode's lowest equity, whatever
            // their order: one test of the block and a minimum instead of a branch a bar, which
            // mispredicts whenever the curve turns. A finite sum rules out NaN and infinities, so the
            // minimum and maximum are exact.
            if index + 4 <= count {
                let (a, b, c, d) = (equity[index], equity[index + 1], equity[index + 2], equity[index + 3])
                let low = min(min(a, b), min(c, d))
                if (a + b + c + d).isFinite, low > 0, max(max(a, b), max(c, d)) < peak {
                    lowest = min(lowest, low)
                    index += 4
                    continue
                }
            }
            let value = equity[index]
            guard value > 0, value.isFinite else { return nil }
            if value >= peak {
                close(at: index, lowest: lowest)
                peak = value
                anchor = index
                lowest = .infinity
            } else if value < lowest {
                lowest = value
            }
            index += 1
        }
        // The last bar ends the last episode even below the peak (its own drawdown counts).
        if anchor != count - 1 {
            let last = equity[count - 1]
            // `lowest` already includes the last bar: it is below the peak.
            close(at: count - 1, lowest: min(lowest, last))
        }
        return (deepest, episodes, peak, depthSum, durationSum, longest)
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
