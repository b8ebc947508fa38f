/// The value of one input of a signal at a bar, shown when an expectation fails:
/// `crosses_above(close, bands.upper) = false`, `busy = true`, `close = 15`.
public struct InlineTestInput: Sendable, Equatable {
    /// The input as written in the strategy (`sma(close, 5)`, a `let` name, a param name).
    public var name: String
    /// Its value at the bar (NaN when missing; conditions as 1 or 0).
    public var value: Double
    /// True when the input is a condition, shown as `true`/`false`.
    public var isCondition: Bool

    /// Creates an input.
    public init(name: String, value: Double, isCondition: Bool) {
        self.name = name
        self.value = value
        self.isCondition = isCondition
    }

    /// The value as people read it: `true`, `false`, `na`, `12.5`.
    public var text: String {
        if value.isNaN { return "na" }
        if isCondition { return value == 1 ? "true" : "false" }
        return InlineTestInput.format(value)
    }

    /// A number with at most six decimals and no trailing zeros (`12`, `12.5`, `0.333333`).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "na" }
        if !value.isFinite || abs(value) >= 1e15 || (abs(value) < 1e-6 && value != 0) { return "\(value)" }
        var text = String((value * 1e6).rounded() / 1e6)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
