/// The pass of `Drawdowns.positiveCurve` as a running state, so that the statistics can take it
/// inside β's pass over the equity (one read of the curve instead of two) and the summary on its own
/// runs the same code.
///
/// Bars come in order from the second on, one at a time (`step`) or four at a time (`block`). Four
/// bars above zero and below the peak only lower the episode's lowest equity, whatever their order:
/// one test of the block and a minimum instead of a branch a bar, which mispredicts whenever the curve
/// turns. Any other block is stepped bar by bar. Once a value is not finite and positive the curve
/// needs the per-bar definition (`positive` turns false) and the rest is ignored.
struct DrawdownScan {
    private(set) var positive: Bool
    private var peak: Double
    private var deepest = 0.0
    private var anchor = 0
    /// The least equity strictly between `anchor` and the current bar.
    private var lowest = Double.infinity
    private var episodes = 0
    private var depthSum = 0.0
    private var durationSum = 0.0
    private var longest = -Double.infinity

    /// A scan of a curve whose first value is `first`.
    init(first: Double) {
        peak = first
        positive = first > 0 && first.isFinite
    }

    /// Bars `index` to `index + 3`, of equities `a`, `b`, `c`, `d`.
    @inline(__always)
    mutating func block(
        _ a: Double, _ b: Double, _ c: Double, _ d: Double, at index: Int, time: UnsafeBufferPointer<Int64>
    ) {
        // A finite sum rules out NaN and infinities, so the minimum and maximum are exact.
        let low = min(min(a, b), min(c, d))
        if (a + b + c + d).isFinite, low > 0, max(max(a, b), max(c, d)) < peak {
            lowest = min(lowest, low)
            return
        }
        step(a, at: index, time: time)
        step(b, at: index + 1, time: time)
        step(c, at: index + 2, time: time)
        step(d, at: index + 3, time: time)
    }

    /// Bar `index`, of equity `value`.
    @inline(__always)
    mutating func step(_ value: Double, at index: Int, time: UnsafeBufferPointer<Int64>) {
        guard positive else { return }
        guard value > 0, value.isFinite else {
            positive = false
            return
        }
        if value >= peak {
            close(at: index, lowest: lowest, time: time)
            peak = value
            anchor = index
            lowest = .infinity
        } else if value < lowest {
            lowest = value
        }
    }

    /// An episode from `anchor` to `index`, `lowest` the least equity strictly between them.
    private mutating func close(at index: Int, lowest: Double, time: UnsafeBufferPointer<Int64>) {
        let depth = lowest.isFinite ? 1 - lowest / peak : 0
        if depth > deepest { deepest = depth }
        guard index > anchor + 1 else { return }
        let duration = Double(time[index] - time[anchor])
        episodes += 1
        depthSum += depth
        durationSum += duration
        longest = max(longest, duration)
    }

    /// The summary once every bar of a curve of `count` bars, the last of equity `last`, was scanned
    /// (nil when some value was not finite and positive).
    mutating func summary(count: Int, last: Double, time: UnsafeBufferPointer<Int64>) -> Drawdowns.Summary? {
        guard positive else { return nil }
        // The last bar ends the last episode even below the peak (its own drawdown counts); `lowest`
        // already includes it.
        if anchor != count - 1 { close(at: count - 1, lowest: min(lowest, last), time: time) }
        return (deepest, episodes, peak, depthSum, durationSum, longest)
    }
}
