import SextantCore

/// Writes an `EvalResult` as CSV: `time`, then one column per name; NaN as an empty field, the
/// shortest decimal that reads back as the same double, `true`/`false` for conditions.
public enum EvalCSVWriter {
    /// The CSV text.
    public static func csv(_ result: EvalResult) -> String {
        let dateOnly = result.time.allSatisfy { $0 % 86_400 == 0 }
        var out = "time"
        for column in result.columns { out += "," + escape(column.name) }
        out += "\n"
        out.reserveCapacity(result.time.count * (12 + 12 * result.columns.count))
        for row in result.time.indices {
            out += format(time: result.time[row], dateOnly: dateOnly)
            for column in result.columns {
                out += ","
                let value = column.values[row]
                if value.isNaN { continue }
                out += column.isCondition ? (value == 1 ? "true" : "false") : format(value)
            }
            out += "\n"
        }
        return out
    }

    /// The shortest round-trip decimal, without a trailing `.0` on whole numbers.
    static func format(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// ISO-8601 in UTC: `2004-08-19`, or `2004-08-19T09:30:00Z` when some bar is not at midnight.
    static func format(time: Int64, dateOnly: Bool) -> String {
        UTCTime.iso8601(time, dateOnly: dateOnly)
    }

    private static func escape(_ name: String) -> String {
        name.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + name.replacingAll("\"", with: "\"\"") + "\"" : name
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
