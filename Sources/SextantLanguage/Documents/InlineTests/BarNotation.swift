/// The compact series notation of inline tests: promtool's expanding notation for bar columns.
///
/// Items are separated by spaces; each one expands to one or more bar values:
///
/// | item | values | count |
/// | --- | --- | --- |
/// | `a` | `a` | 1 |
/// | `a+bxn` | `a, a+b, a+2b, …, a+n·b` | n + 1 |
/// | `a-bxn` | `a, a-b, a-2b, …, a-n·b` | n + 1 |
/// | `axn` | `a` repeated (`a+0xn`) | n + 1 |
/// | `_` or `na` | one missing value | 1 |
/// | `_xn` or `naxn` | missing values | n |
///
/// The counts are promtool's (`docs/configuration/unit_testing_rules.md` of Prometheus): `a+bxn` is
/// "starts at a, then n further values", so `100+1x30` is 31 bars, 100 to 130; a missing value
/// cannot increment, so `_x3` is exactly 3 missing bars. Each value is computed as `a + i·b` rather
/// than by repeated addition, so `0+0.1x10` ends at exactly `1`.
///
/// ```swift
/// BarNotation.expand("100+1x2 _ 50x1").values   // [100, 101, 102, nan, 50, 50]
/// ```
public enum BarNotation {
    /// The most bars one notation may expand to: a typo such as `1x10000000` must be a located
    /// error, not gigabytes of memory.
    public static let maxBars = 100_000

    /// The values of a notation, and the problems of its items (values are empty when there are any).
    public struct Expansion: Sendable, Equatable {
        /// The expanded values; NaN for a missing value.
        public var values: [Double]
        /// Every malformed item, in order.
        public var errors: [BarNotationError]
    }

    /// Expands `text`, reporting every malformed item.
    public static func expand(_ text: String) -> Expansion {
        let bytes = Array(text.utf8)
        var values: [Double] = []
        var errors: [BarNotationError] = []
        var index = 0
        var sawItem = false
        while index < bytes.count {
            if isSpace(bytes[index]) {
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            sawItem = true
            switch item(bytes, start..<index) {
            case .failure(let error):
                errors.append(error)
            case .success(let run):
                guard errors.isEmpty else { continue }
                guard run.count <= maxBars - values.count else {
                    errors.append(
                        BarNotationError(
                            "the notation expands to more than \(grouped(maxBars)) bars, the most a test column holds",
                            range: start..<index, suggestion: "bar data this long belongs in a CSV file"))
                    continue
                }
                values.reserveCapacity(values.count + run.count)
                for step in 0..<run.count { values.append(run.first + Double(step) * run.increment) }
            }
        }
        if !sawItem {
            errors.append(BarNotationError("the notation has no values", range: 0..<bytes.count))
        }
        return Expansion(values: errors.isEmpty ? values : [], errors: errors)
    }

    /// One item as `count` values starting at `first`, `increment` apart.
    private struct Run {
        var first: Double
        var increment: Double
        var count: Int
    }

    private static func item(_ bytes: [UInt8], _ range: Range<Int>) -> Result<Run, BarNotationError> {
        let text = String(decoding: bytes[range], as: UTF8.self)
        for missing in ["_", "na"] {
            if text == missing { return .success(Run(first: .nan, increment: 0, count: 1)) }
            guard text.hasPrefix(missing) else { continue }
            let rest = range.lowerBound + missing.utf8.count
            if bytes[rest] == UInt8(ascii: "x") {
                return count(bytes, rest + 1..<range.upperBound, item: text).map {
                    Run(first: .nan, increment: 0, count: $0)
                }
            }
            if bytes[rest] == UInt8(ascii: "+") || bytes[rest] == UInt8(ascii: "-") {
                let repeats = text.contains("x") ? text.split(separator: "x").last.map(String.init) ?? "n" : "n"
                return .failure(
                    BarNotationError(
                        "a missing value cannot increase or decrease", range: range,
                        suggestion: "write `\(missing)x\(repeats)` for \(repeats) missing values"))
            }
        }
        guard let (first, afterFirst) = number(bytes, from: range.lowerBound, end: range.upperBound, signed: true)
        else {
            return .failure(notANumber(text, range: range))
        }
        var position = afterFirst
        let firstText = String(decoding: bytes[range.lowerBound..<afterFirst], as: UTF8.self)
        guard first.isFinite else { return .failure(tooLarge(firstText, range: range.lowerBound..<afterFirst)) }
        if position == range.upperBound { return .success(Run(first: first, increment: 0, count: 1)) }
        var increment = 0.0
        let sign = bytes[position]
        if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            guard let (step, afterStep) = number(bytes, from: position + 1, end: range.upperBound, signed: false) else {
                return .failure(
                    BarNotationError(
                        "expected a number after `\(Character(Unicode.Scalar(sign)))` in `\(text)`", range: range,
                        suggestion: "write `a+bxn`: a, then n further values b apart, e.g. `100+1x30`"))
            }
            guard step.isFinite else {
                let stepRange = position + 1..<afterStep
                return .failure(tooLarge(String(decoding: bytes[stepRange], as: UTF8.self), range: stepRange))
            }
            increment = sign == UInt8(ascii: "-") ? -step : step
            position = afterStep
            guard position < range.upperBound, bytes[position] == UInt8(ascii: "x") else {
                return .failure(
                    BarNotationError(
                        "an increment needs a count: `\(text)` does not say how many values follow", range: range,
                        suggestion: "e.g. `\(text)x10` is \(firstText) and ten more values"))
            }
        }
        guard bytes[position] == UInt8(ascii: "x") else {
            return .failure(unexpected(bytes, position..<range.upperBound, item: text))
        }
        return count(bytes, position + 1..<range.upperBound, item: text).map {
            Run(first: first, increment: increment, count: $0 + 1)
        }
    }

    /// The whole number after an `x`.
    private static func count(_ bytes: [UInt8], _ range: Range<Int>, item: String) -> Result<Int, BarNotationError> {
        let digits = bytes[range]
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else {
            return .failure(
                BarNotationError(
                    "the count after `x` in `\(item)` must be a whole number",
                    range: range.isEmpty ? range.lowerBound - 1..<range.lowerBound : range,
                    suggestion: "e.g. `100x20` is 100 and 20 more values"))
        }
        var value = 0
        for digit in digits {
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
            guard value <= maxBars else {
                return .failure(
                    BarNotationError(
                        "`\(item)` expands to more than \(grouped(maxBars)) bars, the most a test column holds",
                        range: range, suggestion: "bar data this long belongs in a CSV file"))
            }
        }
        return .success(value)
    }

    /// A decimal number (`12`, `-1.5`, `.5`, `2e3`) starting at `start`, and the offset after it.
    private static func number(_ bytes: [UInt8], from start: Int, end: Int, signed: Bool) -> (Double, Int)? {
        var position = start
        if signed, position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        var digits = 0
        while position < end, isDigit(bytes[position]) {
            position += 1
            digits += 1
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < end, isDigit(bytes[position]) {
                position += 1
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        if position < end, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var exponent = position + 1
            if exponent < end, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") {
                exponent += 1
            }
            var exponentDigits = 0
            while exponent < end, isDigit(bytes[exponent]) {
                exponent += 1
                exponentDigits += 1
            }
            if exponentDigits > 0 { position = exponent }
        }
        // Too large an exponent reads as infinity: the caller reports it as a number out of range.
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text) else { return nil }
        return (value, position)
    }

    private static func notANumber(_ text: String, range: Range<Int>) -> BarNotationError {
        let lowered = text.lowercased()
        var suggestion: String?
        if ["nan", "null", "none", "stale", "-"].contains(lowered) {
            suggestion = "write `_` or `na` for a missing value"
        } else if text.contains(",") {
            suggestion = "separate values with spaces (`1 2 3`), or write a YAML list (`[1, 2, 3]`)"
        }
        return BarNotationError("`\(text)` is not a number, `_` or `na`", range: range, suggestion: suggestion)
    }

    private static func tooLarge(_ text: String, range: Range<Int>) -> BarNotationError {
        BarNotationError("`\(text)` is too large for a number", range: range)
    }

    private static func unexpected(_ bytes: [UInt8], _ range: Range<Int>, item: String) -> BarNotationError {
        let rest = String(decoding: bytes[range], as: UTF8.self)
        let suggestion =
            rest.contains(",")
            ? "separate values with spaces (`1 2 3`), or write a YAML list (`[1, 2, 3]`)"
            : "an item is `a`, `a+bxn`, `a-bxn`, `axn`, `_` or `_xn`"
        return BarNotationError("unexpected `\(rest)` in `\(item)`", range: range, suggestion: suggestion)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `100000` as `100,000`.
    private static func grouped(_ value: Int) -> String {
        var digits = Array(String(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// An ECMA-262 regular expression matching exactly the notations `expand` accepts (bar counts
    /// aside), for the JSON Schema: editors flag a malformed notation as it is typed.
    static let pattern: String = {
        let unsigned = "([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?"
        let item = "((_|na)(x[0-9]+)?|[+-]?\(unsigned)([+-]\(unsigned)x[0-9]+|x[0-9]+)?)"
        return "^[ \\t]*\(item)([ \\t]+\(item))*[ \\t]*$"
    }()
}
