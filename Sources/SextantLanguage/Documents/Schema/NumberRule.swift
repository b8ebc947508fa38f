/// What a number-valued key accepts.
struct NumberRule: Sendable {
    /// The smallest value allowed, if any (after a percent is turned into a fraction).
    var minimum: Double?
    /// True when `0.1%` is accepted (as 0.001).
    var allowsPercent: Bool
    /// True when `na` is accepted (as NaN): a missing bar value in inline tests.
    var allowsNA: Bool

    /// Any number.
    static let any = NumberRule(minimum: nil, allowsPercent: false, allowsNA: false)
    /// A number ≥ 0.
    static let nonNegative = NumberRule(minimum: 0, allowsPercent: false, allowsNA: false)
    /// A number ≥ 0, or a percent.
    static let nonNegativeOrPercent = NumberRule(minimum: 0, allowsPercent: true, allowsNA: false)
    /// Any number or percent.
    static let numberOrPercent = NumberRule(minimum: nil, allowsPercent: true, allowsNA: false)
    /// A bar value of an inline test: a number or `na`.
    static let barValue = NumberRule(minimum: nil, allowsPercent: false, allowsNA: true)
}
