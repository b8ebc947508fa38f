/// The commission charged on every fill: `fixed + |units| · price · rate` (Backtesting.py's model),
/// at entry and again at exit.
public struct Commission: Sendable, Codable, Equatable {
    /// Fraction of the fill's value (`0.002` = 0.2%).
    public var rate: Double
    /// A fixed amount per fill.
    public var fixed: Double

    /// Creates a commission.
    public init(rate: Double = 0, fixed: Double = 0) {
        self.rate = rate
        self.fixed = fixed
    }

    /// The commission of a fill of `units` at `price`.
    @inline(__always)
    public func of(units: Double, price: Double) -> Double {
        fixed + abs(units) * price * rate
    }
}
