/// A file as the YAML loader sees it: the analyst's file, which every span points into, and the
/// bytes handed to Yams.
///
/// The two differ only where the loader replaced bytes to keep parsing after reporting them (a tab
/// in indentation, a control character, the second of two duplicate keys); replacements always
/// have the same byte length, so an offset means the same in both. Yams marks count Unicode
/// scalars of the text it parsed, so they are converted with a line table of the patched bytes.
final class YAMLText: Sendable {
    /// The file diagnostics and expressions point into.
    let file: SourceFile
    /// The bytes Yams parses.
    let bytes: [UInt8]
    /// The text Yams parses: the patched bytes without a leading byte order mark, which libyaml
    /// would count as a column and so indent the first line deeper than the next.
    let parsedText: SourceFile
    /// Bytes before `parsedText` in `bytes` (3 for a byte order mark).
    private let parsedStart: Int

    /// Wraps `file`, parsed as `bytes` (which must have the file's length).
    init(file: SourceFile, bytes: [UInt8], wasPatched: Bool) {
        self.file = file
        self.bytes = bytes
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        self.parsedStart = hasByteOrderMark ? 3 : 0
        self.parsedText =
            wasPatched || hasByteOrderMark
            ? SourceFile(path: file.path, text: String(decoding: bytes[parsedStart...], as: UTF8.self)) : file
    }

    /// The byte offset of a Yams mark (1-based line and column in Unicode scalars).
    func offset(line: Int, column: Int) -> Int {
        parsedText.offset(line: line, column: column) + parsedStart
    }

    /// A span of the analyst's file.
    func span(_ range: Range<Int>) -> SourceSpan {
        SourceSpan(file: file, range: range)
    }

    /// The span of the one character at `offset` (empty at a line break or the end of the file),
    /// for pointing at a position a YAML error names.
    func characterSpan(at offset: Int) -> SourceSpan {
        guard offset < bytes.count, YAMLBytes.breakLength(bytes, at: offset) == 0 else { return span(offset..<offset) }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return span(offset..<end)
    }
}
