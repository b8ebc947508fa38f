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
        let days = time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
        let seconds = time - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if !dateOnly {
            text += "T\(pad(seconds / 3600, 2)):\(pad(seconds % 3600 / 60, 2)):\(pad(seconds % 60, 2))Z"
        }
        return text
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, days since 1970-01-01).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
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
