/// Where every byte of a scalar's value comes from in the file.
///
/// Yams gives a scalar's value and the mark of its first byte, but nothing in between, and the
/// value is often not a verbatim slice of the file: quoted scalars have escapes (`\"`, `''`,
/// `\u00e9`) and every multi-line style folds line breaks. This re-scans the file from the mark
/// following YAML's rules for the scalar's style, guided and checked byte by byte by the value Yams
/// produced, so that an expression's tokens point at the exact bytes the analyst wrote.
///
/// Mapping rules: verbatim bytes map to themselves; a fold space or newline maps to the line break
/// it replaces; an escape's first value byte maps to its backslash and its other bytes to the
/// escape's last character, so a span over the character covers the whole escape. When the re-scan
/// cannot reproduce the value (it always can for text libyaml accepted; this is a safety net), the
/// bytes mapped so far are kept and the rest map to where the scan stopped (`isExact` is false).
struct ScalarSourceMap {
    /// Value-to-file runs, as `ExpressionSource` wants them.
    var segments: [ExpressionSource.Segment]
    /// The scalar in the file: from its opening quote, block indicator or first character (after
    /// any anchor or tag) to just past its closing quote or last character.
    var tokenRange: Range<Int>
    /// True when the re-scan reproduced the value byte for byte.
    var isExact: Bool

    /// Maps `value`, a scalar of `style` whose Yams mark is at `markOffset` in `bytes`.
    init(value: [UInt8], style: YAMLScalarStyle, markOffset: Int, bytes: [UInt8]) {
        let start = ScalarSourceMap.skipProperties(bytes, from: max(0, min(markOffset, bytes.count)))
        if let verbatim = ScalarSourceMap.verbatimRange(value: value, style: style, start: start, bytes: bytes) {
            // Most scalars are a slice of the file as is: one run, no re-scan.
            segments = [ExpressionSource.Segment(valueOffset: 0, fileOffset: verbatim.lowerBound, length: value.count)]
            tokenRange = start..<(verbatim.upperBound + style.openingLength)
            isExact = true
            return
        }
        switch style {
        case .plain, .singleQuoted, .doubleQuoted:
            var scan = InlineScan(bytes: bytes, value: value, style: style, start: start)
            scan.run()
            self.segments = scan.runs.segments
            self.tokenRange = start..<max(start, scan.end)
            self.isExact = scan.isExact
        case .literal, .folded:
            if let block = ScalarSourceMap.mapBlock(
                bytes: bytes, value: value, header: start, literal: style == .literal)
            {
                self.segments = block.segments
                self.tokenRange = start..<max(start + 1, block.end)
                self.isExact = true
            } else {
                self.segments = [ExpressionSource.Segment(valueOffset: 0, fileOffset: start, length: 0)]
                self.tokenRange = start..<min(bytes.count, start + 1)
                self.isExact = false
            }
        }
        if segments.isEmpty {
            segments = [
                ExpressionSource.Segment(
                    valueOffset: 0, fileOffset: tokenRange.lowerBound + style.openingLength, length: 0)
            ]
        }
    }

    /// The value's bytes in the file when the scalar is written verbatim (a plain or quoted scalar
    /// on one line without escapes), else nil.
    private static func verbatimRange(value: [UInt8], style: YAMLScalarStyle, start: Int, bytes: [UInt8]) -> Range<Int>?
    {
        let quote: UInt8?
        switch style {
        case .plain: quote = nil
        case .singleQuoted: quote = UInt8(ascii: "'")
        case .doubleQuoted: quote = UInt8(ascii: "\"")
        case .literal, .folded: return nil
        }
        let first = start + style.openingLength
        guard YAMLBytes.equal(bytes, at: first, value, at: 0, count: value.count) else { return nil }
        let end = first + value.count
        if let quote {
            // The closing quote must follow, and the value must not hold what would have been escaped.
            guard end < bytes.count, bytes[end] == quote, !value.contains(quote), !value.contains(UInt8(ascii: "\\"))
            else { return nil }
        } else if value.contains(YAMLBytes.newline) {
            return nil
        }
        return first..<end
    }

    /// The offset of the scalar itself after its anchor (`&name`) and tag (`!tag`), which libyaml
    /// includes in the node's mark; they may be followed by spaces, comments and line breaks.
    static func skipProperties(_ bytes: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "!") {
            if bytes[index] == UInt8(ascii: "&") {
                index += 1
                while index < bytes.count, YAMLBytes.isAnchorCharacter(bytes[index]) { index += 1 }
            } else if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
                while index < bytes.count, bytes[index] != UInt8(ascii: ">"),
                    YAMLBytes.breakLength(bytes, at: index) == 0
                {
                    index += 1
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") { index += 1 }
            } else {
                while index < bytes.count, !YAMLBytes.isBlankOrBreak(bytes, at: index),
                    !YAMLBytes.isFlowIndicator(bytes[index])
                {
                    index += 1
                }
            }
            index = YAMLBytes.skipSeparation(bytes, from: index)
        }
        return index
    }
}

extension YAMLScalarStyle {
    /// Bytes before the first value byte: the opening quote, or nothing.
    fileprivate var openingLength: Int {
        switch self {
        case .singleQuoted, .doubleQuoted: 1
        case .plain, .literal, .folded: 0
        }
    }
}

extension ScalarSourceMap {
    /// Appends value→file byte pairs, merging consecutive ones into runs.
    struct RunBuilder {
        var segments: [ExpressionSource.Segment] = []

        mutating func map(_ valueOffset: Int, to fileOffset: Int) {
            if let last = segments.last, last.valueOffset + last.length == valueOffset,
                last.fileOffset + last.length == fileOffset
            {
                segments[segments.count - 1].length += 1
            } else {
                segments.append(ExpressionSource.Segment(valueOffset: valueOffset, fileOffset: fileOffset, length: 1))
            }
        }

        mutating func append(valueOffset: Int, fileOffset: Int, length: Int) {
            if let last = segments.last, last.valueOffset + last.length == valueOffset,
                last.fileOffset + last.length == fileOffset
            {
                segments[segments.count - 1].length += length
            } else {
                segments.append(
                    ExpressionSource.Segment(valueOffset: valueOffset, fileOffset: fileOffset, length: length))
            }
        }
    }
}
