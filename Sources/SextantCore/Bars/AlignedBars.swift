/// Several symbols' bars on one clock: the result of `BarAlignment.align`.
///
/// Every series has exactly the times in `time`, so the i-th bar of each belongs to the same moment.
public struct AlignedBars: Sendable, Hashable {
    /// The alignment that produced these bars.
    public let alignment: BarAlignment
    /// The common clock, strictly increasing.
    public let time: [Int64]
    /// The symbols' names (aliases such as `eth`), in the order given.
    public let names: [String]
    /// The symbols' bars on the common clock, in the order of `names`.
    public let series: [BarSeries]
    /// For each symbol, how many of its bars were dropped because another symbol had no bar at that time
    /// (`inner`; always 0 for `outer`). Worth reporting: a large count means the files do not overlap.
    public let dropped: [Int]
    /// For each symbol, how many bars were made up (`outer`; always 0 for `inner`).
    public let filled: [Int]

    /// The number of bars of each series.
    public var count: Int { time.count }

    /// The bars of the symbol with this name, or nil.
    public subscript(name: String) -> BarSeries? {
        names.firstIndex(of: name).map { series[$0] }
    }
}
