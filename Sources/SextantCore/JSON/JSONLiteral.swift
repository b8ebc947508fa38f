/// JSON literals written by hand, for the formats whose key order and number spelling are part of
/// their contract (lint, backtest and optimize results, events, the report's embedded data).
public enum JSONLiteral {
    /// A number: whole numbers without a fraction, others as the shortest decimal that reads back as
    /// the same double; NaN and infinities (which JSON lacks) as `null`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A string literal. With `scriptSafe`, `<`, `>`, `&`, U+2028 and U+2029 are escaped too, so that
    /// the literal can sit inside an HTML `<script>` element (no `</script>` or `<!--` can appear, and
    /// older JavaScript parsers do not see a line break).
    public static func string(_ text: String, scriptSafe: Bool = false) -> String {
        // Most texts (names, symbols, times, IDs) need no escape: one pass over the UTF-8 bytes finds
        // that, and the literal is then the text between quotes. (U+2028 and U+2029 start with 0xE2.)
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                && !(scriptSafe
                    && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                        || byte == 0xE2))
        }
        if plain { return "\"" + text + "\"" }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case "<" where scriptSafe: quoted += "\\u003c"
            case ">" where scriptSafe: quoted += "\\u003e"
            case "&" where scriptSafe: quoted += "\\u0026"
            case "\u{2028}" where scriptSafe: quoted += "\\u2028"
            case "\u{2029}" where scriptSafe: quoted += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
