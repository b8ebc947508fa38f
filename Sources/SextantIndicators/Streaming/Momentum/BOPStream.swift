/// Balance of power, one bar at a time: the streaming twin of `BOP`; reads open, high, low and close.
///
/// Stateless: `(close − open)/(high − low)`, 0 when `high − low ≤ 0`.
public struct BOPStream: BarStream {
    /// A balance-of-power stream.
    public init() {}

    /// `BOP.lookback()`.
    public var lookback: Int { BOP.lookback() }

    /// The balance of power of this bar; NaN when open, high, low or close is NaN.
    public mutating func update(open: Double, high: Double, low: Double, close: Double, volume: Double) -> Double {
        guard !(open.isNaN || high.isNaN || low.isNaN || close.isNaN) else { return .nan }
        let span = high - low
        return span > 0 ? (close - open) / span : 0
    }

    /// Nothing to forget.
    public mutating func reset() {}
}
