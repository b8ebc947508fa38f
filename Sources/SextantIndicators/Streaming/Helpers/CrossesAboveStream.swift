/// True on the bar where the first series goes from below the second to above it, one bar at a time:
/// the streaming twin of `CrossesAbove` (strict: `a[1] < b[1] and a > b`).
///
/// State: the previous bar's two values and whether there was one. Like the batch form it does not
/// restart after a NaN: a comparison with NaN is simply false.
public struct CrossesAboveStream: PairStream {
    private var previousFirst = 0.0
    private var previousSecond = 0.0
    private var started = false

    /// A crossing detector.
    public init() {}

    /// `CrossesAbove.lookback()`.
    public var lookback: Int { CrossesAbove.lookback() }

    /// Whether the first series crosses above the second on this bar (false on the first bar).
    public mutating func update(_ first: Double, _ second: Double) -> Bool {
        let crosses = started && previousFirst < previousSecond && first > second
        previousFirst = first
        previousSecond = second
        started = true
        return crosses
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        previousFirst = 0
        previousSecond = 0
        started = false
    }
}
