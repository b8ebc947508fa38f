/// A value, or a replacement where it is NaN, one bar at a time: the streaming twin of `NZ`.
///
/// Stateless. As a `SeriesStream` it replaces NaN with the fixed `replacement`; as a `PairStream` the
/// second series is the replacement.
public struct NZStream: SeriesStream, PairStream {
    /// The number that replaces NaN in the one-series form.
    public let replacement: Double

    /// A stream that replaces NaN with `replacement`.
    public init(replacement: Double = 0) {
        self.replacement = replacement
    }

    /// `NZ`'s lookback: none.
    public var lookback: Int { 0 }

    /// `value`, or `replacement` when it is NaN.
    public mutating func update(_ value: Double) -> Double { NZ.nz(value, replacement) }

    /// `value`, or this bar's `replacement` when it is NaN.
    public mutating func update(_ value: Double, _ replacement: Double) -> Double { NZ.nz(value, replacement) }

    /// Nothing to forget.
    public mutating func reset() {}
}
