/// Turns Yams marks (line, column in Unicode scalars) into byte offsets in constant time for the
/// tree walk.
///
/// A column is a count of scalars from the line's start, so converting it naively walks the line:
/// on a long flow line with thousands of values that is quadratic. On an ASCII line a column is a
/// byte count; on other lines the walk resumes from the previous mark (marks arrive in file order)
/// and alias revisits hit a cache.
struct YAMLMarkConverter {
    private let text: YAMLText
    /// Where each line of the parsed text starts in `text.bytes`.
    private let lineStarts: [Int]
    private var line = 0
    private var lineRange = 0..<0
    private var lineIsASCII = true
    private var cursor = (column: 1, offset: 0)
    /// Lines seen before (alias revisits jump back to them), and offsets of marks on non-ASCII lines.
    private var lines: [Int: (range: Range<Int>, isASCII: Bool)] = [:]
    private var known: [Int: Int] = [:]

    /// A converter for marks into `text`.
    init(text: YAMLText) {
        self.text = text
        var starts = [text.bytes.count - text.parsedText.utf8.count]
        var newline = YAMLBytes.nextNewline(text.bytes, from: starts[0])
        while newline < text.bytes.count {
            starts.append(newline + 1)
            newline = YAMLBytes.nextNewline(text.bytes, from: newline + 1)
        }
        self.lineStarts = starts
    }

    /// The byte offset of the mark at `line`, `column` (both 1-based).
    mutating func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, column >= 1, column < 1 << 24 else {
            return text.offset(line: line, column: column)
        }
        if line != self.line { enter(line) }
        if lineIsASCII { return min(lineRange.lowerBound + column - 1, lineRange.upperBound) }
        let key = line << 24 | column
        if let offset = known[key] { return offset }
        if column < cursor.column { cursor = (1, lineRange.lowerBound) }
        var offset = cursor.offset
        var remaining = column - cursor.column
        let bytes = text.bytes
        while remaining > 0, offset < lineRange.upperBound {
            offset += 1
            while offset < lineRange.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        cursor = (column, offset)
        known[key] = offset
        return offset
    }

    private mutating func enter(_ line: Int) {
        self.line = line
        if let seen = lines[line] {
            (lineRange, lineIsASCII) = seen
        } else {
            let start = lineStarts[line - 1]
            var end = line < lineStarts.count ? lineStarts[line] - 1 : text.bytes.count
            if end > start, text.bytes[end - 1] == YAMLBytes.carriageReturn { end -= 1 }
            lineRange = start..<end
            lineIsASCII = YAMLBytes.isASCII(text.bytes, in: lineRange)
            lines[line] = (lineRange, lineIsASCII)
        }
        cursor = (1, lineRange.lowerBound)
    }
}
