#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

extension CSVBarParser {
    /// Parses the record starting at `recordStart` and appends its bar, or records its first error.
    ///
    /// One error per record: a record with a shifted column would otherwise report every field.
    mutating func parseRecord() {
        var cursor = recordStart
        var barTime: Int64 = 0
        var barOpen = 0.0
        var barHigh = 0.0
        var barLow = 0.0
        var barClose = 0.0
        var barVolume = Double.nan
        // Where each value's text starts, for `validate`'s messages.
        var starts = (open: cursor, high: cursor, low: cursor, close: cursor, volume: cursor)
        var index = 0
        var failed = false
        while index < roles.count {
            if index > 0 {
                if cursor >= contentEnd {
                    reportMissingField(at: index, position: cursor)
                    return
                }
                cursor += 1  // the comma
            }
            switch roles[index] {
            case .ignored:
                failed = !skipField(&cursor)
            case .time:
                if let value = readTime(&cursor) { barTime = value } else { failed = true }
            case .field(let field):
                let start = cursor
                guard let value = readNumber(&cursor, field) else {
                    failed = true
                    break
                }
                switch field {
                case .open: (barOpen, starts.open) = (value, start)
                case .high: (barHigh, starts.high) = (value, start)
                case .low: (barLow, starts.low) = (value, start)
                case .close: (barClose, starts.close) = (value, start)
                case .volume: (barVolume, starts.volume) = (value, start)
                }
            }
            if failed { break }
            index += 1
        }
        // The fields after the last needed one are not read, but a quote among them may hide a line
        // break that belongs to this record, so they are walked whenever a quote is there.
        if !stopped && cursor < contentEnd && memchr(cursor, 34, contentEnd - cursor) != nil {
            while cursor < contentEnd && !stopped {
                cursor += 1
                if !skipField(&cursor) { return }
            }
        }
        if failed || !errors.isEmpty { return }
        if options.validate {
            let bar = Bar(time: barTime, open: barOpen, high: barHigh, low: barLow, close: barClose, volume: barVolume)
            if let (problem, position) = inconsistency(in: bar, starts: starts) {
                fail(.inconsistentBar, problem, at: position)
                return
            }
        }
        time.append(barTime)
        open.append(barOpen)
        high.append(barHigh)
        low.append(barLow)
        close.append(barClose)
        if hasVolume { volume.append(barVolume) }
    }

    /// Reports the first needed field at or after `index` as missing, pointing past the record's end.
    mutating func reportMissingField(at index: Int, position: UnsafePointer<UInt8>) {
        let role = roles[index...].first(where: { $0 != .ignored }) ?? .time
        var fields = 1
        var cursor = recordStart
        while cursor < position {
            if cursor.pointee == UInt8(ascii: ",") { fields += 1 }
            cursor += 1
        }
        fail(
            .missingField,
            "missing the '\(role.name)' field: the row has \(fields) field\(fields == 1 ? "" : "s"), "
                + "the header puts '\(role.name)' in field \(index + 1)",
            at: position)
    }

    /// Reads a price or volume field, leaving `cursor` at the comma or line end after it.
    @inline(__always)
    mutating func readNumber(_ cursor: inout UnsafePointer<UInt8>, _ field: BarField) -> Double? {
        if let (value, stop) = CSVBarReader.scanNumber(from: cursor, to: contentEnd),
            stop == contentEnd || stop.pointee == UInt8(ascii: ","), value.isFinite
        {
            cursor = stop
            return value
        }
        return readNumberCarefully(&cursor, field)
    }

    /// The general case of `readNumber`: spaces, quotes, and every way a number can be wrong.
    @inline(never)
    mutating func readNumberCarefully(_ cursor: inout UnsafePointer<UInt8>, _ field: BarField) -> Double? {
        guard let (start, stop) = scanField(&cursor) else { return nil }
        guard start < stop else {
            fail(.emptyField, "empty '\(field.rawValue)' field", at: start)
            return nil
        }
        switch CSVBarReader.number(from: start, to: stop, field: field.rawValue) {
        case .success(let value): return value
        case .failure(let problem):
            fail(problem, field: start)
            return nil
        }
    }

    /// Reads the time field, checks its form against the file's and its order against the previous
    /// row's, and leaves `cursor` at the comma or line end after it.
    @inline(__always)
    mutating func readTime(_ cursor: inout UnsafePointer<UInt8>) -> Int64? {
        var start = cursor
        var stop = cursor
        while stop < contentEnd && stop.pointee != UInt8(ascii: ",") { stop += 1 }
        if start == stop || start.pointee == 32 || start.pointee == 9 || start.pointee == 34 || stop[-1] == 32
            || stop[-1] == 9
        {
            guard let (trimmedStart, trimmedStop) = scanField(&cursor) else { return nil }
            (start, stop) = (trimmedStart, trimmedStop)
            guard start < stop else {
                fail(.emptyField, "empty 'time' field", at: start)
                return nil
            }
        } else {
            cursor = stop
        }
        let parsed: (seconds: Int64, format: CSVTimeFormat)
        switch CSVBarReader.parseTime(from: start, to: stop, isFirstRow: timeFormat == nil) {
        case .success(let value): parsed = value
        case .failure(let problem):
            fail(CSVBarReader.invalidCharacter(start, stop, field: "time") ?? problem, field: start)
            return nil
        }
        if let format = timeFormat, format != parsed.format {
            fail(
                .inconsistentTimeFormat,
                "time '\(CSVBarReader.display(start, stop))' is in \(parsed.format.name), but the file's first "
                    + "row (line \(timeFormatLine)) uses \(format.name)",
                at: start)
            return nil
        }
        if timeFormat == nil {
            timeFormat = parsed.format
            timeFormatLine = recordLine
        }
        if previousTimeLine > 0 && parsed.seconds <= previousTime {
            let same = parsed.seconds == previousTime
            fail(
                .timeOrder,
                same
                    ? "duplicate time '\(CSVBarReader.display(start, stop))': line \(previousTimeLine) has the same "
                        + "time"
                    : "time '\(CSVBarReader.display(start, stop))' is earlier than line \(previousTimeLine)'s; "
                        + "times must be strictly increasing",
                at: start)
            return nil
        }
        previousTime = parsed.seconds
        previousTimeLine = recordLine
        return parsed.seconds
    }

    /// Skips a field the reader does not need, leaving `cursor` at the comma or line end after it.
    /// Returns false after a quote error.
    @inline(__always)
    mutating func skipField(_ cursor: inout UnsafePointer<UInt8>) -> Bool {
        if cursor < contentEnd && (cursor.pointee == 34 || cursor.pointee == 32 || cursor.pointee == 9) {
            return scanField(&cursor) != nil
        }
        if let comma = memchr(cursor, Int32(UInt8(ascii: ",")), contentEnd - cursor) {
            cursor = UnsafePointer<UInt8>(comma.assumingMemoryBound(to: UInt8.self))
        } else {
            cursor = contentEnd
        }
        return true
    }

    /// Finds the text of the field at `cursor`: without surrounding spaces and tabs and, when it is
    /// quoted (RFC 4180, `""` for a quote inside), without its quotes. Leaves `cursor` at the comma or
    /// line end after it. A quoted field may contain commas and line breaks; a quote that is never
    /// closed, or text after a closing quote, is an error (then the result is nil).
    mutating func scanField(_ cursor: inout UnsafePointer<UInt8>) -> (UnsafePointer<UInt8>, UnsafePointer<UInt8>)? {
        var start = cursor
        while start < contentEnd && (start.pointee == 32 || start.pointee == 9) { start += 1 }
        if start < contentEnd && start.pointee == 34 {
            guard let closing = closingQuote(after: start) else {
                fail(.quote, "unterminated quoted field: the quote opened here is never closed", at: start)
                stopped = true
                return nil
            }
            var after = closing + 1
            while after < contentEnd && (after.pointee == 32 || after.pointee == 9) { after += 1 }
            if after < contentEnd && after.pointee != UInt8(ascii: ",") {
                fail(
                    .quote,
                    "unexpected '\(CSVBarReader.display(after, after + 1))' after a closing quote; "
                        + "a quoted field must end at its closing quote",
                    at: after)
                cursor = contentEnd
                return nil
            }
            cursor = after
            var text = (start + 1, closing)
            trimSpaces(&text)
            return text
        }
        var stop = start
        if let comma = memchr(start, Int32(UInt8(ascii: ",")), contentEnd - start) {
            stop = UnsafePointer<UInt8>(comma.assumingMemoryBound(to: UInt8.self))
        } else {
            stop = contentEnd
        }
        cursor = stop
        var text = (start, stop)
        trimSpaces(&text)
        return text
    }

    private func trimSpaces(_ text: inout (UnsafePointer<UInt8>, UnsafePointer<UInt8>)) {
        while text.0 < text.1 && (text.0.pointee == 32 || text.0.pointee == 9) { text.0 += 1 }
        while text.1 > text.0 && (text.1[-1] == 32 || text.1[-1] == 9) { text.1 -= 1 }
    }

    /// The closing quote of the quoted field opened at `quote`, or nil. When it lies on a later line,
    /// the current line moves there (so the record continues after it).
    mutating func closingQuote(after quote: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var cursor = quote + 1
        while cursor < end {
            guard let found = memchr(cursor, 34, end - cursor) else { return nil }
            let candidate = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            if candidate + 1 < end && candidate[1] == 34 {
                cursor = candidate + 2
                continue
            }
            if candidate >= nextLine {
                var scan = contentEnd
                while scan < candidate {
                    if scan.pointee == 10 { currentLine += 1 }
                    scan += 1
                }
                setLineEnd(searchingFrom: candidate)
            }
            return candidate
        }
        return nil
    }

    /// The first contradiction between a bar's prices, and where to point; used by `Options.validate`.
    func inconsistency(
        in bar: Bar,
        starts: (
            open: UnsafePointer<UInt8>, high: UnsafePointer<UInt8>, low: UnsafePointer<UInt8>,
            close: UnsafePointer<UInt8>, volume: UnsafePointer<UInt8>
        )
    ) -> (String, UnsafePointer<UInt8>)? {
        if bar.high < bar.low { return ("high \(bar.high) is below low \(bar.low)", starts.high) }
        if bar.high < bar.open { return ("high \(bar.high) is below open \(bar.open)", starts.high) }
        if bar.high < bar.close { return ("high \(bar.high) is below close \(bar.close)", starts.high) }
        if bar.low > bar.open { return ("low \(bar.low) is above open \(bar.open)", starts.low) }
        if bar.low > bar.close { return ("low \(bar.low) is above close \(bar.close)", starts.low) }
        if bar.volume < 0 { return ("volume \(bar.volume) is negative", starts.volume) }
        return nil
    }
}
