/// Elementwise math of one series, one bar at a time: the streaming twin of `Elementwise`'s
/// one-column forms (`abs log exp sqrt round`, and `min max pow clamp` with number operands).
///
/// Stateless: each bar is the scalar `Elementwise` function, which is also what the column forms apply.
public struct ElementwiseStream: SeriesStream {
    /// The function and its fixed operands.
    public enum Function: Sendable, Equatable {
        /// |x|.
        case abs
        /// Natural logarithm (NaN for x ≤ 0).
        case log
        /// e to the power x.
        case exp
        /// Square root (NaN for x < 0).
        case sqrt
        /// Rounded half away from zero to `digits` decimals.
        case round(digits: Int)
        /// The smaller of x and the number.
        case min(Double)
        /// The larger of x and the number.
        case max(Double)
        /// x to the power `exponent`.
        case pow(exponent: Double)
        /// x limited to [low, high].
        case clamp(low: Double, high: Double)
    }

    /// What each bar computes.
    public let function: Function

    /// A stream computing `function` bar by bar.
    public init(_ function: Function) {
        self.function = function
    }

    /// Elementwise math has no lookback.
    public var lookback: Int { 0 }

    /// The function of this bar's value.
    public mutating func update(_ value: Double) -> Double {
        switch function {
        case .abs: Elementwise.abs(value)
        case .log: Elementwise.log(value)
        case .exp: Elementwise.exp(value)
        case .sqrt: Elementwise.sqrt(value)
        case .round(let digits): Elementwise.round(value, digits: digits)
        case .min(let other): Elementwise.min(value, other)
        case .max(let other): Elementwise.max(value, other)
        case .pow(let exponent): Elementwise.pow(value, exponent)
        case .clamp(let low, let high): Elementwise.clamp(value, low: low, high: high)
        }
    }

    /// Nothing to forget.
    public mutating func reset() {}
}
