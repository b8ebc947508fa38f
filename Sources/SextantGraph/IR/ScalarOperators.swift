public import SextantLanguage

/// The arithmetic, comparison and logic of the language on single values: the one definition that
/// constant folding and both evaluators use, so that folded and computed results agree bit for bit.
///
/// - Arithmetic follows IEEE 754, except that a division or remainder by zero is `na` (NaN) rather
///   than ±∞: a zero denominator in a trading rule is missing data, not an infinite price.
/// - Comparisons are false when either side is `na`; conditions are 1 (true) or 0 (false).
public enum ScalarOperators {
    /// A unary operator.
    @inline(__always)
    public static func apply(_ op: UnaryOperator, _ x: Double) -> Double {
        switch op {
        case .negate: -x
        case .not: x == 1 ? 0 : 1
        }
    }

    /// A binary operator.
    @inline(__always)
    public static func apply(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: b == 0 ? .nan : a / b
        case .remainder: b == 0 ? .nan : a.truncatingRemainder(dividingBy: b)
        case .less: a < b ? 1 : 0
        case .lessEqual: a <= b ? 1 : 0
        case .greater: a > b ? 1 : 0
        case .greaterEqual: a >= b ? 1 : 0
        case .equal: a == b ? 1 : 0
        case .notEqual: a != b && !a.isNaN && !b.isNaN ? 1 : 0
        case .and: a == 1 && b == 1 ? 1 : 0
        case .or: a == 1 || b == 1 ? 1 : 0
        }
    }
}
