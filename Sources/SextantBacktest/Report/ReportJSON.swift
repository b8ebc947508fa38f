import Foundation
import SextantCore

/// The JSON the report embeds for its script: numbers with NaN and infinities as `null`, and strings
/// that cannot end the `<script>` element they sit in.
enum ReportJSON {
    /// A number with at most 9 significant digits (plenty for a chart and its tooltips, and a third of
    /// the bytes of a shortest round-trip form); `null` when not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.9g", value)
    }

    /// An array of numbers.
    static func array(_ values: [Double]) -> String {
        var text = "["
        text.reserveCapacity(values.count * 10 + 2)
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            text += number(value)
        }
        return text + "]"
    }

    /// An array of integers.
    static func array(_ values: [Int64]) -> String {
        "[" + values.map { String($0) }.joined(separator: ",") + "]"
    }

    /// A string literal. `<`, `>` and `&` are written as `\u003c`… so that no `</script>` or `<!--`
    /// can appear inside the element, whatever the text.
    static func string(_ text: String) -> String {
        JSONLiteral.string(text, scriptSafe: true)
    }
}
