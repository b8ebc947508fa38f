/// Calendar arithmetic on bar times (seconds since the Unix epoch, UTC), without a time zone database.
public enum UTCTime {
    /// The day number (days since 1970-01-01) of a time, rounding down for times before 1970.
    @inline(__always)
    public static func day(of time: Int64) -> Int64 {
        time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
    }

    /// Whether `time` falls in the UTC day that starts at `dayStart` (a multiple of 86,400): the same as
    /// `day(of: time) * 86_400 == dayStart`, without a division (a loop over bars meets a new day rarely).
    @inline(__always)
    public static func isTime(_ time: Int64, inDayStartingAt dayStart: Int64) -> Bool {
        // Once time ≥ dayStart, their difference is exact as an unsigned number.
        time >= dayStart && UInt64(bitPattern: time &- dayStart) < 86_400
    }

    /// ISO-8601 in UTC: `2004-08-19`, or `2004-08-19T09:30:00Z` when `dateOnly` is false.
    public static func iso8601(_ time: Int64, dateOnly: Bool) -> String {
        let days = day(of: time)
        let seconds = time - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if !dateOnly {
            text += "T\(pad(seconds / 3600, 2)):\(pad(seconds % 3600 / 60, 2)):\(pad(seconds % 60, 2))Z"
        }
        return text
    }

    /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian, days since 1970-01-01):
    /// (year, month 1–12, day 1–31).
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
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

    /// The weekday of a day number: 0 = Monday … 6 = Sunday.
    @inline(__always)
    public static func weekday(ofDay days: Int64) -> Int64 {
        let value = (days + 3) % 7
        return value < 0 ? value + 7 : value
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
