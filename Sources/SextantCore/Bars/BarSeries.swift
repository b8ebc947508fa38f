/// OHLCV bars stored as columns: one array per field, all the same length.
///
/// The evaluators read whole columns (`series.close`, `series[.high]`); `Bar` is the row view for feeds
/// and tests (`series[3]`, `for bar in series`).
///
/// Invariants, checked by the initializer and guaranteed by `CSVBarReader`:
/// - every column has `count` elements;
/// - `time` is strictly increasing (so a time identifies a bar, and alignment can merge by time).
///
/// Times are whole seconds since the Unix epoch, UTC, as in `Bar.time`. Sextant's shortest timeframe
/// is one second (`Timeframe`), so milliseconds would only widen every comparison for data that cannot
/// be used; the CSV reader rejects a sub-second time instead of rounding it (docs/data.md).
///
/// ```swift
/// let series = try CSVBarReader.read(path: "examples/data/GOOG.csv")
/// let lastClose = series.close.last
/// let firstBar = series[0]
/// ```
public struct BarSeries: Sendable, Hashable {
    /// Bar open times, seconds since the Unix epoch (UTC), strictly increasing.
    public private(set) var time: [Int64]
    /// Opening prices.
    public private(set) var open: [Double]
    /// Highest prices.
    public private(set) var high: [Double]
    /// Lowest prices.
    public private(set) var low: [Double]
    /// Closing prices.
    public private(set) var close: [Double]
    /// Traded volumes; every element is NaN (`na` in the language) when `hasVolume` is false.
    public private(set) var volume: [Double]
    /// False when the source had no volume column: volume is then unknown, not zero, so a volume
    /// indicator yields `na` rather than a plausible-looking number computed from zeros.
    public let hasVolume: Bool

    /// Creates a series from its columns.
    ///
    /// - Precondition: all columns have the same length and `time` is strictly increasing.
    /// - Parameter volume: the volume column, or nil when the source has none (every volume is then NaN
    ///   and `hasVolume` is false).
    public init(
        time: [Int64], open: [Double], high: [Double], low: [Double], close: [Double], volume: [Double]?
    ) {
        let count = time.count
        precondition(
            open.count == count && high.count == count && low.count == count && close.count == count
                && (volume?.count ?? count) == count,
            "BarSeries columns must all have the same length")
        precondition(BarSeries.isStrictlyIncreasing(time), "BarSeries times must be strictly increasing")
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume ?? [Double](repeating: .nan, count: count)
        self.hasVolume = volume != nil
    }

    /// Creates a series from rows.
    ///
    /// - Precondition: the bars' times are strictly increasing.
    public init(_ bars: some Sequence<Bar>) {
        var time: [Int64] = []
        var open: [Double] = []
        var high: [Double] = []
        var low: [Double] = []
        var close: [Double] = []
        var volume: [Double] = []
        let expected = bars.underestimatedCount
        time.reserveCapacity(expected)
        open.reserveCapacity(expected)
        high.reserveCapacity(expected)
        low.reserveCapacity(expected)
        close.reserveCapacity(expected)
        volume.reserveCapacity(expected)
        for bar in bars {
            time.append(bar.time)
            open.append(bar.open)
            high.append(bar.high)
            low.append(bar.low)
            close.append(bar.close)
            volume.append(bar.volume)
        }
        self.init(time: time, open: open, high: high, low: low, close: close, volume: volume)
    }

    /// An empty series (with a volume column).
    public init() {
        self.init(time: [], open: [], high: [], low: [], close: [], volume: [])
    }

    /// Assembles a series whose invariants the caller has already established (the CSV reader checks
    /// them row by row with located errors, so a second O(n) pass would only cost time).
    init(
        unchecked time: [Int64], open: [Double], high: [Double], low: [Double], close: [Double],
        volume: [Double], hasVolume: Bool
    ) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.hasVolume = hasVolume
    }

    /// The number of bars.
    public var count: Int { time.count }

    /// The column of one field.
    public subscript(field: BarField) -> [Double] {
        switch field {
        case .open: open
        case .high: high
        case .low: low
        case .close: close
        case .volume: volume
        }
    }

    /// The column of one field (the same as `self[field]`, for use as a function value).
    public func column(_ field: BarField) -> [Double] { self[field] }

    /// The index of the bar that opens at `time`, or nil (binary search: times are strictly increasing).
    public func index(ofTime time: Int64) -> Int? {
        var low = 0
        var high = self.time.count
        while low < high {
            let middle = low + (high - low) / 2
            if self.time[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low < self.time.count && self.time[low] == time ? low : nil
    }

    /// The bars at the given indexes, in that order.
    ///
    /// - Precondition: the indexes are valid and strictly increasing (so the times stay increasing).
    public func selecting(_ indexes: [Int]) -> BarSeries {
        precondition(BarSeries.isStrictlyIncreasing(indexes), "selected indexes must be strictly increasing")
        return BarSeries(
            unchecked: indexes.map { time[$0] }, open: indexes.map { open[$0] }, high: indexes.map { high[$0] },
            low: indexes.map { low[$0] }, close: indexes.map { close[$0] }, volume: indexes.map { volume[$0] },
            hasVolume: hasVolume)
    }

    static func isStrictlyIncreasing<T: Comparable>(_ values: [T]) -> Bool {
        var index = 1
        while index < values.count {
            if !(values[index - 1] < values[index]) { return false }
            index += 1
        }
        return true
    }
}

extension BarSeries {
    /// Bitwise equality: NaN equals NaN (a series without volume equals itself) and 0.0 differs from
    /// -0.0, because "the same data" here means the same bits, as the batch/stream agreement tests do.
    public static func == (lhs: BarSeries, rhs: BarSeries) -> Bool {
        lhs.hasVolume == rhs.hasVolume && lhs.time == rhs.time && sameBits(lhs.open, rhs.open)
            && sameBits(lhs.high, rhs.high) && sameBits(lhs.low, rhs.low) && sameBits(lhs.close, rhs.close)
            && sameBits(lhs.volume, rhs.volume)
    }

    /// Hashes the bits of every value, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hasVolume)
        hasher.combine(time)
        for column in [open, high, low, close, volume] {
            hasher.combine(column.count)
            for value in column { hasher.combine(value.bitPattern) }
        }
    }

    private static func sameBits(_ lhs: [Double], _ rhs: [Double]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}

extension BarSeries: RandomAccessCollection {
    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of bars.
    public var endIndex: Int { time.count }

    /// The bar at `position`.
    public subscript(position: Int) -> Bar {
        Bar(
            time: time[position], open: open[position], high: high[position], low: low[position],
            close: close[position], volume: volume[position])
    }
}
