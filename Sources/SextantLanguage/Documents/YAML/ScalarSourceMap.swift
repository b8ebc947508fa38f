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
            if let block = ScalarSourceMap.mapBlock(bytes: bytes, value: value, header: start, literal: style == .literal) {
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
            segments = [ExpressionSource.Segment(valueOffset: 0, fileOffset: tokenRange.lowerBound + style.openingLength, length: 0)]
        }
    }

    /// The value's bytes in the file when the scalar is written verbatim (a plain or quoted scalar
    /// on one line without escapes), else nil.
    private static func verbatimRange(value: [UInt8], style: YAMLScalarStyle, start: Int, bytes: [UInt8]) -> Range<Int>? {
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
            guard end < bytes.count, bytes[end] == quote, !value.contains(quote), !value.contains(UInt8(ascii: "\\")) else { return nil }
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
                while index < bytes.count, bytes[index] != UInt8(ascii: ">"), YAMLBytes.breakLength(bytes, at: index) == 0 {
                    index += 1
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") { index += 1 }
            } else {
                while index < bytes.count, !YAMLBytes.isBlankOrBreak(bytes, at: index), !YAMLBytes.isFlowIndicator(bytes[index]) {
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

/// Appends value→file byte pairs, merging consecutive ones into runs.
private struct RunBuilder {
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
            segments.append(ExpressionSource.Segment(valueOffset: valueOffset, fileOffset: fileOffset, length: length))
        }
    }
}

/// The value-guided re-scan of plain and quoted scalars, which share YAML's flow folding:
/// trailing blanks before a break are dropped, a single break becomes a space, n+1 breaks become
/// n newlines, and the next line's leading blanks are dropped.
private struct InlineScan {
    let bytes: [UInt8]
    let value: [UInt8]
    let style: YAMLScalarStyle
    var file: Int
    var valueIndex = 0
    var runs = RunBuilder()
    var isExact = true
    var end: Int

    init(bytes: [UInt8], value: [UInt8], style: YAMLScalarStyle, start: Int) {
        self.bytes = bytes
        self.value = value
        self.style = style
        self.file = style == .plain ? start : min(bytes.count, start + 1)
        self.end = file
    }

    mutating func run() {
        while valueIndex < value.count {
            guard file < bytes.count, step() else {
                isExact = false
                break
            }
            end = file
        }
        if isExact, style != .plain, file < bytes.count,
            bytes[file] == (style == .singleQuoted ? UInt8(ascii: "'") : UInt8(ascii: "\""))
        {
            end = file + 1
        } else {
            end = file
        }
    }

    /// Consumes one piece of the file; false when it does not produce the expected value bytes.
    private mutating func step() -> Bool {
        let byte = bytes[file]
        if style == .doubleQuoted, byte == UInt8(ascii: "\\") {
            return escape()
        }
        if style == .singleQuoted, byte == UInt8(ascii: "'"), file + 1 < bytes.count, bytes[file + 1] == UInt8(ascii: "'") {
            guard value[valueIndex] == UInt8(ascii: "'") else { return false }
            runs.map(valueIndex, to: file)
            valueIndex += 1
            file += 2
            return true
        }
        if YAMLBytes.breakLength(bytes, at: file) > 0 {
            return fold(escaped: false)
        }
        if YAMLBytes.isBlank(byte) {
            var blankEnd = file
            while blankEnd < bytes.count, YAMLBytes.isBlank(bytes[blankEnd]) { blankEnd += 1 }
            if blankEnd == bytes.count || YAMLBytes.breakLength(bytes, at: blankEnd) > 0 {
                // Trailing blanks are not part of the value.
                file = blankEnd
                return blankEnd < bytes.count && fold(escaped: false)
            }
            while file < blankEnd {
                guard valueIndex < value.count, value[valueIndex] == bytes[file] else { return false }
                runs.map(valueIndex, to: file)
                valueIndex += 1
                file += 1
            }
            return true
        }
        guard value[valueIndex] == byte else { return false }
        runs.map(valueIndex, to: file)
        valueIndex += 1
        file += 1
        return true
    }

    /// Folds the line break at `file` and the blank lines after it into the value.
    private mutating func fold(escaped: Bool) -> Bool {
        var breaks: [Int] = []
        while file < bytes.count, case let length = YAMLBytes.breakLength(bytes, at: file), length > 0 {
            breaks.append(file)
            file += length
            while file < bytes.count, YAMLBytes.isBlank(bytes[file]) { file += 1 }
        }
        // An escaped break (`\` at the end of a line) joins the lines with nothing; otherwise one
        // break is a space and each further break a newline.
        let produced: [(byte: UInt8, at: Int)] =
            escaped
            ? breaks.dropFirst().map { (UInt8(ascii: "\n"), $0) }
            : breaks.count == 1 ? [(UInt8(ascii: " "), breaks[0])] : breaks.dropFirst().map { (UInt8(ascii: "\n"), $0) }
        for (byte, offset) in produced {
            guard valueIndex < value.count, value[valueIndex] == byte else { return false }
            runs.map(valueIndex, to: offset)
            valueIndex += 1
        }
        return true
    }

    /// Consumes a backslash escape of a double-quoted scalar.
    private mutating func escape() -> Bool {
        guard file + 1 < bytes.count else { return false }
        if YAMLBytes.breakLength(bytes, at: file + 1) > 0 {
            file += 1
            return fold(escaped: true)
        }
        guard let (scalar, length) = InlineScan.decodeEscape(bytes, at: file), let unicode = Unicode.Scalar(scalar) else {
            return false
        }
        let encoded = Array(String(Character(unicode)).utf8)
        guard valueIndex + encoded.count <= value.count,
            value[valueIndex..<(valueIndex + encoded.count)].elementsEqual(encoded)
        else { return false }
        runs.map(valueIndex, to: file)
        for index in 1..<max(1, encoded.count) {
            runs.map(valueIndex + index, to: file + length - 1)
        }
        valueIndex += encoded.count
        file += length
        return true
    }

    /// The Unicode scalar an escape at `offset` (its backslash) stands for, and the escape's length.
    static func decodeEscape(_ bytes: [UInt8], at offset: Int) -> (UInt32, Int)? {
        guard offset + 1 < bytes.count else { return nil }
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "0"): 0, UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, 0x09: 9,
            UInt8(ascii: "n"): 10, UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
            UInt8(ascii: "e"): 0x1B, UInt8(ascii: " "): 0x20, UInt8(ascii: "\""): 0x22, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "'"): 0x27, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "N"): 0x85, UInt8(ascii: "_"): 0xA0,
            UInt8(ascii: "L"): 0x2028, UInt8(ascii: "P"): 0x2029,
        ]
        let kind = bytes[offset + 1]
        if let scalar = simple[kind] { return (scalar, 2) }
        let digits: Int
        switch kind {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: return nil
        }
        guard offset + 2 + digits <= bytes.count else { return nil }
        var scalar: UInt32 = 0
        for byte in bytes[(offset + 2)..<(offset + 2 + digits)] {
            guard let digit = YAMLBytes.hexValue(byte) else { return nil }
            scalar = scalar &* 16 &+ digit
        }
        return (scalar, 2 + digits)
    }
}

extension ScalarSourceMap {
    /// Maps a literal (`|`) or folded (`>`) block scalar whose indicator is at `header`.
    ///
    /// Replays libyaml's `yaml_parser_scan_block_scalar` exactly, which needs the indentation of the
    /// enclosing block collection when the header has an indentation indicator (`|2`). That is read
    /// off the header's line; when it cannot be (the header alone on its line), every plausible
    /// indentation is tried and the one that reproduces the value wins.
    fileprivate static func mapBlock(
        bytes: [UInt8], value: [UInt8], header: Int, literal: Bool
    ) -> (segments: [ExpressionSource.Segment], end: Int)? {
        let estimate = YAMLBytes.enclosingIndent(bytes, ofNodeAt: header)
        let column = header - YAMLBytes.lineStart(bytes, of: header)
        var candidates = [estimate ?? -1]
        for indent in -1...min(column, 256) where indent != candidates[0] { candidates.append(indent) }
        for parentIndent in candidates {
            guard let replay = BlockReplay(bytes: bytes, value: value, header: header, literal: literal, parentIndent: parentIndent)
            else { return nil }
            if replay.matches { return (replay.runs.segments, replay.contentEnd) }
        }
        return nil
    }
}

/// One replay of libyaml's block scalar scanner with a given parent indentation, checked against
/// the value as it goes (so a wrong indentation guess fails fast).
private struct BlockReplay {
    private let value: [UInt8]
    private var valueIndex = 0
    private var failed = false
    var runs = RunBuilder()
    var contentEnd: Int

    /// True when the replay produced exactly the value.
    var matches: Bool { !failed && valueIndex == value.count }

    init?(bytes: [UInt8], value: [UInt8], header: Int, literal: Bool, parentIndent: Int) {
        self.value = value
        var file = header + 1
        var chomping = 0
        var increment = 0
        for _ in 0..<2 where file < bytes.count {
            let byte = bytes[file]
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                chomping = byte == UInt8(ascii: "+") ? 1 : -1
                file += 1
            } else if byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
                increment = Int(byte - UInt8(ascii: "0"))
                file += 1
            }
        }
        contentEnd = file
        while file < bytes.count, YAMLBytes.isBlank(bytes[file]) { file += 1 }
        if file < bytes.count, bytes[file] == UInt8(ascii: "#") {
            file = YAMLBytes.nextNewline(bytes, from: file)
            if file > 0, bytes[file - 1] == YAMLBytes.carriageReturn { file -= 1 }
        }
        if file < bytes.count {
            let length = YAMLBytes.breakLength(bytes, at: file)
            guard length > 0 else { return nil }
            file += length
        }
        var indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0
        var column = 0
        var trailingBreaks: [Int] = []
        var leadingBreak: Int?
        var leadingBlank = false

        func scanBreaks() {
            var maxIndent = 0
            while true {
                while indent == 0 || column < indent, file < bytes.count, bytes[file] == UInt8(ascii: " ") {
                    file += 1
                    column += 1
                }
                maxIndent = max(maxIndent, column)
                let length = file < bytes.count ? YAMLBytes.breakLength(bytes, at: file) : 0
                guard length > 0 else { break }
                trailingBreaks.append(file)
                file += length
                column = 0
            }
            if indent == 0 { indent = max(maxIndent, parentIndent + 1, 1) }
        }

        scanBreaks()
        while column == indent, file < bytes.count, !failed {
            let trailingBlank = YAMLBytes.isBlank(bytes[file])
            if !literal, let lineBreak = leadingBreak, !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty { emit(UInt8(ascii: " "), at: lineBreak) }
            } else if let lineBreak = leadingBreak {
                emit(UInt8(ascii: "\n"), at: lineBreak)
            }
            leadingBreak = nil
            for lineBreak in trailingBreaks { emit(UInt8(ascii: "\n"), at: lineBreak) }
            trailingBreaks.removeAll()
            leadingBlank = YAMLBytes.isBlank(bytes[file])
            var lineEnd = YAMLBytes.nextNewline(bytes, from: file)
            if lineEnd > file, lineEnd < bytes.count, bytes[lineEnd - 1] == YAMLBytes.carriageReturn { lineEnd -= 1 }
            emitRun(bytes, file..<lineEnd)
            file = lineEnd
            contentEnd = file
            guard file < bytes.count else { break }
            leadingBreak = file
            file += YAMLBytes.breakLength(bytes, at: file)
            column = 0
            scanBreaks()
        }
        if chomping != -1, let lineBreak = leadingBreak { emit(UInt8(ascii: "\n"), at: lineBreak) }
        if chomping == 1 {
            for lineBreak in trailingBreaks { emit(UInt8(ascii: "\n"), at: lineBreak) }
        }
    }

    /// Produces one value byte that maps to `fileOffset`.
    private mutating func emit(_ byte: UInt8, at fileOffset: Int) {
        guard !failed, valueIndex < value.count, value[valueIndex] == byte else {
            failed = true
            return
        }
        runs.map(valueIndex, to: fileOffset)
        valueIndex += 1
    }

    /// Produces the file bytes of `range` verbatim.
    private mutating func emitRun(_ bytes: [UInt8], _ range: Range<Int>) {
        guard !failed, !range.isEmpty else { return }
        guard YAMLBytes.equal(bytes, at: range.lowerBound, value, at: valueIndex, count: range.count) else {
            failed = true
            return
        }
        runs.append(valueOffset: valueIndex, fileOffset: range.lowerBound, length: range.count)
        valueIndex += range.count
    }
}
