/// A series limited to the same bars of two bound series, one bar at a time: the streaming twin of
/// `Elementwise.clamp(_:low:high:into:)` with series bounds.
///
/// Stateless: each bar is `Elementwise.clamp`.
public struct ElementwiseClampStream: TripleStream {
    /// A clamping stream.
    public init() {}

    /// Elementwise math has no lookback.
    public var lookback: Int { 0 }

    /// `value` limited to [`low`, `high`] (`high` wins if low > high); NaN if any is NaN.
    public mutating func update(_ value: Double, _ low: Double, _ high: Double) -> Double {
        Elementwise.clamp(value, low: low, high: high)
    }

    /// Nothing to forget.
    public mutating func reset() {}
}
