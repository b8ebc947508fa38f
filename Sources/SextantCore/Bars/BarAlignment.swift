/// How the bars of several symbols are put on one clock, so that `eth.close` and `btc.close` are
/// columns of the same length whose elements belong to the same time.
///
/// ```swift
/// let aligned = BarAlignment.inner.align([("btc", btc), ("eth", eth)])
/// let ethClose = aligned["eth"]?.close  // same length and times as aligned["btc"]
/// ```
public enum BarAlignment: String, Sendable, Hashable, CaseIterable, Codable {
    /// The default: keep only the times at which *every* symbol has a bar. A bar that only some symbols
    /// have is dropped (and counted in `AlignedBars.dropped`), because any value made up for the others
    /// would be a price at which nothing traded, and a pair strategy would trade the made-up spread.
    case inner
    /// Keep every time at which *any* symbol has a bar. A symbol without a bar at such a time gets a flat
    /// bar at its previous close (open = high = low = close, volume 0, or NaN without a volume column),
    /// counted in `AlignedBars.filled`; before its first bar every field is NaN (`na`). Suits a symbol
    /// that simply did not trade in a quiet minute; not a market that was closed.
    case outer

    /// The alignment used when a strategy does not choose one: `inner`.
    public static let `default` = BarAlignment.inner

    /// Aligns named series by time.
    ///
    /// - Precondition: the names are distinct.
    public func align(_ named: [(name: String, bars: BarSeries)]) -> AlignedBars {
        let names = named.map(\.name)
        precondition(Set(names).count == names.count, "aligned series need distinct names")
        let series = named.map(\.bars)
        switch self {
        case .inner: return alignInner(names: names, series: series)
        case .outer: return alignOuter(names: names, series: series)
        }
    }

    /// Walks all series at once: each step moves every cursor up to the largest current time; when all
    /// cursors show the same time, that bar is kept. O(total bars).
    private func alignInner(names: [String], series: [BarSeries]) -> AlignedBars {
        var cursors = [Int](repeating: 0, count: series.count)
        var kept = [[Int]](repeating: [], count: series.count)
        var clock: [Int64] = []
        if !series.isEmpty {
            search: while true {
                var target = Int64.min
                for (index, bars) in series.enumerated() {
                    guard cursors[index] < bars.count else { break search }
                    target = max(target, bars.time[cursors[index]])
                }
                var everyoneAtTarget = true
                for (index, bars) in series.enumerated() {
                    while cursors[index] < bars.count && bars.time[cursors[index]] < target { cursors[index] += 1 }
                    guard cursors[index] < bars.count else { break search }
                    if bars.time[cursors[index]] != target { everyoneAtTarget = false }
                }
                if everyoneAtTarget {
                    clock.append(target)
                    for index in series.indices {
                        kept[index].append(cursors[index])
                        cursors[index] += 1
                    }
                }
            }
        }
        let aligned = zip(series, kept).map { bars, indexes in bars.selecting(indexes) }
        return AlignedBars(
            alignment: .inner, time: clock, names: names, series: aligned,
            dropped: zip(series, kept).map { $0.count - $1.count }, filled: [Int](repeating: 0, count: series.count))
    }

    /// Merges the times of all series, then fills each series onto that clock.
    private func alignOuter(names: [String], series: [BarSeries]) -> AlignedBars {
        var clock: [Int64] = []
        clock.reserveCapacity(series.map(\.count).max() ?? 0)
        var cursors = [Int](repeating: 0, count: series.count)
        while true {
            var next = Int64.max
            for (index, bars) in series.enumerated() where cursors[index] < bars.count {
                next = min(next, bars.time[cursors[index]])
            }
            if next == Int64.max { break }
            clock.append(next)
            for (index, bars) in series.enumerated()
            where cursors[index] < bars.count && bars.time[cursors[index]] == next {
                cursors[index] += 1
            }
        }
        var filledCounts: [Int] = []
        let aligned = series.map { bars -> BarSeries in
            let (filledSeries, filled) = fill(bars, onto: clock)
            filledCounts.append(filled)
            return filledSeries
        }
        return AlignedBars(
            alignment: .outer, time: clock, names: names, series: aligned,
            dropped: [Int](repeating: 0, count: series.count), filled: filledCounts)
    }

    /// `bars` on `clock` (a superset of its times), with flat bars where it has none.
    private func fill(_ bars: BarSeries, onto clock: [Int64]) -> (BarSeries, filled: Int) {
        var open: [Double] = []
        var high: [Double] = []
        var low: [Double] = []
        var close: [Double] = []
        var volume: [Double] = []
        open.reserveCapacity(clock.count)
        high.reserveCapacity(clock.count)
        low.reserveCapacity(clock.count)
        close.reserveCapacity(clock.count)
        volume.reserveCapacity(clock.count)
        var cursor = 0
        var filled = 0
        var previousClose = Double.nan
        for time in clock {
            if cursor < bars.count && bars.time[cursor] == time {
                open.append(bars.open[cursor])
                high.append(bars.high[cursor])
                low.append(bars.low[cursor])
                close.append(bars.close[cursor])
                volume.append(bars.volume[cursor])
                previousClose = bars.close[cursor]
                cursor += 1
            } else {
                open.append(previousClose)
                high.append(previousClose)
                low.append(previousClose)
                close.append(previousClose)
                // No trade is zero volume when volume is known; before the first bar nothing is known.
                volume.append(bars.hasVolume && !previousClose.isNaN ? 0 : .nan)
                filled += 1
            }
        }
        let series = BarSeries(
            unchecked: clock, open: open, high: high, low: low, close: close, volume: volume,
            hasVolume: bars.hasVolume)
        return (series, filled)
    }
}
