#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One read of a CSV bar file: a cursor over its bytes, the columns being filled and the errors so far.
///
/// Records are found with `memchr` and fields are parsed in place, straight from the bytes: a number
/// is converted while it is scanned, a time is parsed from its fixed positions. Anything unusual (a
/// quote, a space, a bad value) leaves that fast path for a careful one that either accepts the field
/// or explains exactly what is wrong with it, so the common case pays for no generality.
struct CSVBarParser {
    let path: String
    let options: CSVBarReader.Options
    /// The first byte after a byte-order mark, if any.
    let fileStart: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>

    /// The first byte of the current record; errors are located by counting from here.
    var recordStart: UnsafePointer<UInt8>
    /// The line number of `recordStart`.
    var recordLine = 1
    /// The line number of the physical line being read (ahead of `recordLine` after a quoted line break).
    var currentLine = 1
    /// The end of the current line's content (before its `\n` or `\r\n`).
    var contentEnd: UnsafePointer<UInt8>
    /// The first byte of the next line (or `end`).
    var nextLine: UnsafePointer<UInt8>

    /// What each field of a record is, up to the last one the reader needs.
    var roles: [CSVColumnRole] = []
    var hasVolume = false

    var time: [Int64] = []
    var open: [Double] = []
    var high: [Double] = []
    var low: [Double] = []
    var close: [Double] = []
    var volume: [Double] = []

    /// The form of the first parsed time, and its line.
    var timeFormat: CSVTimeFormat?
    var timeFormatLine = 0
    /// The last time accepted in order, and its line (0 before the first).
    var previousTime: Int64 = 0
    var previousTimeLine = 0

    var errors: [BarFileError] = []
    /// Set by a problem that makes the rest unreadable (an unterminated quote) or by `maxErrors`.
    var stopped = false

    init(path: String, options: CSVBarReader.Options, start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) {
        self.path = path
        self.options = options
        // A UTF-8 byte-order mark (Excel writes one) is neither part of the first header name nor a column.
        let hasByteOrderMark = end - start >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF
        self.fileStart = hasByteOrderMark ? start + 3 : start
        self.end = end
        self.recordStart = fileStart
        self.contentEnd = fileStart
        self.nextLine = fileStart
    }

    /// Parses the whole file.
    mutating func parse() throws(BarFileError) -> BarSeries {
        var cursor = fileStart
        // Blank lines before the header are skipped like blank lines anywhere else.
        while cursor < end {
            beginLine(at: cursor)
            if !isBlankLine() { break }
            cursor = nextLine
            recordLine += 1
        }
        guard cursor < end else {
            throw BarFileError(
                path: path, line: 1, column: 1, kind: .empty, message: "the file is empty (no header, no bars)")
        }
        try parseHeader()
        cursor = nextLine
        recordLine = currentLine + 1
        reserveCapacity(from: cursor)

        while cursor < end && !stopped {
            beginLine(at: cursor)
            if !isBlankLine() { parseRecord() }
            cursor = nextLine
            recordLine = currentLine + 1
        }
        if var first = errors.first {
            first.additional = Array(errors.dropFirst())
            first.isTruncated = stopped && cursor < end
            throw first
        }
        guard !time.isEmpty else {
            // Point at the end of the file, counting lines from its start.
            recordStart = fileStart
            recordLine = 1
            let (line, column) = location(of: end)
            throw BarFileError(
                path: path, line: line, column: column, kind: .noBars,
                message: "no bars: the header is not followed by any data row")
        }
        return BarSeries(
            unchecked: time, open: open, high: high, low: low, close: close,
            volume: hasVolume ? volume : [Double](repeating: .nan, count: time.count), hasVolume: hasVolume)
    }

    /// Makes the line at `start` current: finds its end with `memchr` and drops a `\r` before `\n`.
    @inline(__always)
    mutating func beginLine(at start: UnsafePointer<UInt8>) {
        recordStart = start
        currentLine = recordLine
        setLineEnd(searchingFrom: start)
    }

    /// Sets `contentEnd` and `nextLine` for the line that contains `position`.
    @inline(__always)
    mutating func setLineEnd(searchingFrom position: UnsafePointer<UInt8>) {
        if let newline = memchr(position, 10, end - position) {
            let lineEnd = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self))
            nextLine = lineEnd + 1
            contentEnd = lineEnd > recordStart && lineEnd[-1] == 13 ? lineEnd - 1 : lineEnd
        } else {
            nextLine = end
            contentEnd = end > recordStart && end[-1] == 13 ? end - 1 : end
        }
    }

    /// A line with nothing but spaces and tabs carries no data; skipping it loses nothing.
    @inline(__always)
    func isBlankLine() -> Bool {
        var cursor = recordStart
        while cursor < contentEnd {
            if cursor.pointee != 32 && cursor.pointee != 9 { return false }
            cursor += 1
        }
        return true
    }

    /// Reserves every column for the number of lines left that could hold a record, so that a large
    /// file is parsed without a single reallocation (a reallocation copies every column so far).
    mutating func reserveCapacity(from start: UnsafePointer<UInt8>) {
        // The shortest possible record: one character per needed field and its separator.
        let shortest = roles.count(where: { $0 != .ignored }) * 2 - 1
        var lines = 0
        var cursor = start
        while cursor < end {
            let lineEnd = memchr(cursor, 10, end - cursor).map {
                UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self))
            }
            let stop = lineEnd ?? end
            if stop - cursor >= shortest { lines += 1 }
            cursor = stop + (lineEnd == nil ? 0 : 1)
        }
        time.reserveCapacity(lines)
        open.reserveCapacity(lines)
        high.reserveCapacity(lines)
        low.reserveCapacity(lines)
        close.reserveCapacity(lines)
        if hasVolume { volume.reserveCapacity(lines) }
    }

    /// The line and column (in Unicode scalars, 1-based) of a byte of the current record.
    func location(of position: UnsafePointer<UInt8>) -> (line: Int, column: Int) {
        var line = recordLine
        var lineBegin = recordStart
        var cursor = recordStart
        while cursor < position {
            if cursor.pointee == 10 {
                line += 1
                lineBegin = cursor + 1
            }
            cursor += 1
        }
        var column = 1
        cursor = lineBegin
        while cursor < position {
            // Continuation bytes (10xxxxxx) do not start a scalar.
            if cursor.pointee & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return (line, column)
    }

    /// Records an error at a byte of the current record; stops the read at `maxErrors`.
    mutating func fail(_ kind: BarFileError.Kind, _ message: String, at position: UnsafePointer<UInt8>) {
        let (line, column) = location(of: position)
        errors.append(BarFileError(path: path, line: line, column: column, kind: kind, message: message))
        if errors.count >= options.maxErrors { stopped = true }
    }

    /// Records an error found while reading one field.
    mutating func fail(_ problem: CSVFieldProblem, field start: UnsafePointer<UInt8>) {
        fail(problem.kind, problem.message, at: start + problem.offset)
    }
}
