/// The text of one input file, with a line table for turning byte offsets into positions.
///
/// Every span in Sextant points into a `SourceFile` by UTF-8 byte offset. Lines and columns are
/// computed only when a diagnostic is rendered, so that lexing and parsing stay offset-based.
///
/// ```swift
/// let file = SourceFile(path: "Strategies/sma_cross.yaml", text: "kind: strategy\n")
/// file.location(of: 6)  // SourceLocation(line: 1, column: 7)
/// ```
public final class SourceFile: Sendable {
    /// The path as the user gave it (relative paths stay relative, for readable diagnostics).
    public let path: String
    /// The decoded text. Invalid UTF-8 in the bytes was replaced by U+FFFD when decoding.
    public let text: String
    /// The text as UTF-8 bytes; span offsets index into this array.
    public let utf8: [UInt8]
    /// Byte offset of the first byte of every line.
    private let lineStarts: [Int]

    /// Creates a source file from already-decoded text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.utf8 = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The number of lines (a final line without a newline counts).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based line and column of a byte offset. Columns count Unicode scalars, as libyaml does.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, utf8.count))
        let lineIndex = lineIndex(containing: clamped)
        let start = lineStarts[lineIndex]
        return SourceLocation(line: lineIndex + 1, column: scalarCount(from: start, to: clamped) + 1)
    }

    /// The byte offset of a 1-based line and column; clamps to the line's end.
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return utf8.count }
        var offset = lineStarts[line - 1]
        let end = lineEnd(ofLineStartingAt: offset)
        var remaining = column - 1
        while remaining > 0, offset < end {
            offset += 1
            while offset < end, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The text of a 1-based line, without its line terminator.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        let end = lineEnd(ofLineStartingAt: start)
        return Substring(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The byte range of a 1-based line, without its terminator.
    public func lineRange(_ number: Int) -> Range<Int> {
        guard number >= 1, number <= lineStarts.count else { return utf8.count..<utf8.count }
        let start = lineStarts[number - 1]
        return start..<lineEnd(ofLineStartingAt: start)
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func lineEnd(ofLineStartingAt start: Int) -> Int {
        var end = start
        while end < utf8.count, utf8[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if utf8[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}
