/// Bars since a condition was last true, one bar at a time: the streaming twin of `BarsSince`.
///
/// State: the current count (NaN before the first true bar).
public struct BarsSinceStream: ConditionStream {
    private var since = Double.nan

    /// A counter that has seen no true bar.
    public init() {}

    /// `BarsSince.lookback()`.
    public var lookback: Int { BarsSince.lookback() }

    /// 0 on a true bar, then 1, 2, …; NaN before the first true bar.
    public mutating func update(_ condition: Bool) -> Double {
        since = condition ? 0 : since + 1
        return since
    }

    /// Forgets every bar seen.
    public mutating func reset() { since = .nan }
}
