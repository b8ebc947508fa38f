extension CSVBarReader {
    /// The accepted time forms, for messages.
    static let timeForms =
        "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM], epoch seconds or epoch milliseconds"

    /// Parses one time field (its text, without spaces or quotes) to seconds since the Unix epoch, UTC.
    ///
    /// - `YYYY-MM-DD` is midnight UTC; `YYYY-MM-DD[T ]HH:MM[:SS[.fff]]` is UTC unless followed by `Z`,
    ///   `±HH:MM`, `±HHMM` or `±HH`. A fraction of a second must be zero: bars start on whole seconds.
    /// - All digits: epoch seconds (1–10 digits) or epoch milliseconds (11–13 digits, a multiple of
    ///   1000). Ten digits of seconds reach 2286 and 11 digits of milliseconds start in 1970-04, so the
    ///   digit count alone decides; milliseconds before 2001-09-09 have 12 digits, hence not "13 only".
    ///   In the first row, 8 digits that read as a date (`20240105`) are rejected: that is a compact
    ///   date, and as seconds it would land in 1970.
    static func parseTime(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, isFirstRow: Bool
    ) -> Result<(seconds: Int64, format: CSVTimeFormat), CSVFieldProblem> {
        let length = end - start
        if length > 0, length < 5 || start[4] != UInt8(ascii: "-"), allDigits(start, end) {
            return parseEpoch(from: start, to: end, isFirstRow: isFirstRow)
        }
        return parseISO(from: start, to: end)
    }

    private static func parseEpoch(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, isFirstRow: Bool
    ) -> Result<(seconds: Int64, format: CSVTimeFormat), CSVFieldProblem> {
        let length = end - start
        var value: Int64 = 0
        var cursor = start
        // At most 13 digits are accepted, so this cannot overflow before the length check rejects them.
        while cursor < end && cursor - start < 18 {
            value = value * 10 + Int64(cursor.pointee &- UInt8(ascii: "0"))
            cursor += 1
        }
        switch length {
        case 1...10:
            if isFirstRow && length == 8 && isCompactDate(start) {
                return .failure(
                    CSVFieldProblem(
                        kind: .invalidTime,
                        message: "time '\(display(start, end))' looks like a compact date (YYYYMMDD); write "
                            + "dates as YYYY-MM-DD (epoch seconds of 8 digits would fall in 1970)"))
            }
            return .success((value, .epochSeconds))
        case 11...13:
            guard value % 1000 == 0 else {
                return .failure(
                    CSVFieldProblem(
                        kind: .invalidTime,
                        message: "time '\(display(start, end))' is not a whole second; bars start on whole "
                            + "seconds"))
            }
            return .success((value / 1000, .epochMilliseconds))
        default:
            return .failure(
                CSVFieldProblem(
                    kind: .invalidTime,
                    message: "time '\(display(start, end))' has \(length) digits: epoch seconds have at most "
                        + "10 digits and epoch milliseconds at most 13"))
        }
    }

    private static func parseISO(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>
    ) -> Result<(seconds: Int64, format: CSVTimeFormat), CSVFieldProblem> {
        let length = end - start
        func malformed() -> Result<(seconds: Int64, format: CSVTimeFormat), CSVFieldProblem> {
            .failure(
                CSVFieldProblem(kind: .invalidTime, message: "invalid time '\(display(start, end))': \(timeForms)"))
        }
        func outOfRange(_ what: String) -> Result<(seconds: Int64, format: CSVTimeFormat), CSVFieldProblem> {
            .failure(CSVFieldProblem(kind: .invalidTime, message: "invalid time '\(display(start, end))': \(what)"))
        }
        guard length >= 10, start[4] == UInt8(ascii: "-"), start[7] == UInt8(ascii: "-") else { return malformed() }
        let century = twoDigits(start)
        let yearInCentury = twoDigits(start + 2)
        let month = twoDigits(start + 5)
        let day = twoDigits(start + 8)
        guard century >= 0, yearInCentury >= 0, month >= 0, day >= 0 else { return malformed() }
        let year = century * 100 + yearInCentury
        guard month >= 1 && month <= 12 else { return outOfRange("month \(month) does not exist") }
        let monthLength = daysIn(month: month, year: year)
        guard day >= 1 && day <= monthLength else {
            return outOfRange("day \(day) does not exist in \(monthNames[month - 1]) \(year) (\(monthLength) days)")
        }
        var seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400
        if length == 10 { return .success((seconds, .iso)) }

        let separator = start[10]
        guard length >= 16, separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 32,
            start[13] == UInt8(ascii: ":")
        else { return malformed() }
        let hour = twoDigits(start + 11)
        let minute = twoDigits(start + 14)
        guard hour >= 0, minute >= 0 else { return malformed() }
        guard hour <= 23 else { return outOfRange("hour \(hour) does not exist") }
        guard minute <= 59 else { return outOfRange("minute \(minute) does not exist") }
        seconds += Int64(hour * 3600 + minute * 60)
        var cursor = start + 16
        if cursor < end && cursor.pointee == UInt8(ascii: ":") {
            guard end - cursor >= 3 else { return malformed() }
            let second = twoDigits(cursor + 1)
            guard second >= 0 else { return malformed() }
            guard second <= 59 else { return outOfRange("second \(second) does not exist (no leap seconds)") }
            seconds += Int64(second)
            cursor += 3
            if cursor < end && cursor.pointee == UInt8(ascii: ".") {
                cursor += 1
                let fraction = cursor
                var nonZero = false
                while cursor < end, cursor.pointee &- UInt8(ascii: "0") <= 9 {
                    nonZero = nonZero || cursor.pointee != UInt8(ascii: "0")
                    cursor += 1
                }
                guard cursor > fraction, cursor - fraction <= 9 else { return malformed() }
                if nonZero {
                    return .failure(
                        CSVFieldProblem(
                            kind: .invalidTime,
                            message: "time '\(display(start, end))' is not a whole second; bars start on "
                                + "whole seconds"))
                }
            }
        }
        if cursor < end {
            switch cursor.pointee {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                cursor += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign: Int64 = cursor.pointee == UInt8(ascii: "+") ? 1 : -1
                guard end - cursor >= 3 else { return malformed() }
                let offsetHours = twoDigits(cursor + 1)
                cursor += 3
                var offsetMinutes = 0
                if cursor < end {
                    if cursor.pointee == UInt8(ascii: ":") { cursor += 1 }
                    guard end - cursor >= 2 else { return malformed() }
                    offsetMinutes = twoDigits(cursor)
                    cursor += 2
                }
                guard offsetHours >= 0, offsetMinutes >= 0 else { return malformed() }
                guard offsetHours <= 23 && offsetMinutes <= 59 else {
                    return outOfRange("UTC offset out of range")
                }
                // Local time = UTC + offset, so UTC = local time - offset.
                seconds -= sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
            default:
                return malformed()
            }
        }
        guard cursor == end else { return malformed() }
        return .success((seconds, .iso))
    }

    /// Two ASCII digits as a number, or -1.
    @inline(__always)
    private static func twoDigits(_ pointer: UnsafePointer<UInt8>) -> Int {
        let tens = pointer[0] &- UInt8(ascii: "0")
        let ones = pointer[1] &- UInt8(ascii: "0")
        return tens > 9 || ones > 9 ? -1 : Int(tens) * 10 + Int(ones)
    }

    @inline(__always)
    private static func allDigits(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        var cursor = start
        while cursor < end {
            if cursor.pointee &- UInt8(ascii: "0") > 9 { return false }
            cursor += 1
        }
        return true
    }

    /// Eight digits that read as a real date from 1800 to 2199.
    private static func isCompactDate(_ start: UnsafePointer<UInt8>) -> Bool {
        let year = twoDigits(start) * 100 + twoDigits(start + 2)
        let month = twoDigits(start + 4)
        let day = twoDigits(start + 6)
        return year >= 1800 && year <= 2199 && month >= 1 && month <= 12 && day >= 1
            && day <= daysIn(month: month, year: year)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The number of days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`: exact for every year, no tables, no time zone database).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }
}
