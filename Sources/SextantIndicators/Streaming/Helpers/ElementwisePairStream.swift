/// Elementwise math of two series, one bar at a time: the streaming twin of `Elementwise`'s two-column
/// forms (`min max pow`).
///
/// Stateless: each bar is the scalar `Elementwise` function.
public struct ElementwisePairStream: PairStream {
    /// The function.
    public enum Function: Sendable, Equatable {
        /// The smaller of the two (NaN if either is).
        case min
        /// The larger of the two (NaN if either is).
        case max
        /// The first to the power of the second.
        case pow
    }

    /// What each bar computes.
    public let function: Function

    /// A stream computing `function` bar by bar.
    public init(_ function: Function) {
        self.function = function
    }

    /// Elementwise math has no lookback.
    public var lookback: Int { 0 }

    /// The function of this bar's two values.
    public mutating func update(_ first: Double, _ second: Double) -> Double {
        switch function {
        case .min: Elementwise.min(first, second)
        case .max: Elementwise.max(first, second)
        case .pow: Elementwise.pow(first, second)
        }
    }

    /// Nothing to forget.
    public mutating func reset() {}
}
