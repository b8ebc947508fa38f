/// One stored bar series: its key, how many bars it holds and the times of its first and last bar.
public struct BarSeriesSummary: Sendable, Hashable {
    /// The series.
    public var key: BarSeriesKey
    /// The number of bars.
    public var count: Int
    /// Open time of the first bar, seconds since the epoch.
    public var first: Int64
    /// Open time of the last bar, seconds since the epoch.
    public var last: Int64

    /// Creates a summary.
    public init(key: BarSeriesKey, count: Int, first: Int64, last: Int64) {
        self.key = key
        self.count = count
        self.first = first
        self.last = last
    }
}
