// Literal (`|`) and folded (`>`) block scalars, replayed as libyaml scans them.
extension ScalarSourceMap {
    /// Maps a literal (`|`) or folded (`>`) block scalar whose indicator is at `header`.
    ///
    /// Replays libyaml's `yaml_parser_scan_block_scalar` exactly, which needs the indentation of the
    /// enclosing block collection when the header has an indentation indicator (`|2`). That is read
    /// off the header's line; when it cannot be (the header alone on its line), every plausible
    /// indentation is tried and the one that reproduces the value wins.
    static func mapBlock(
        bytes: [UInt8], value: [UInt8], header: Int, literal: Bool
    ) -> (segments: [ExpressionSource.Segment], end: Int)? {
        let estimate = YAMLBytes.enclosingIndent(bytes, ofNodeAt: header)
        let column = header - YAMLBytes.lineStart(bytes, of: header)
        var candidates = [estimate ?? -1]
        for indent in -1...min(column, 256) where indent != candidates[0] { candidates.append(indent) }
        for parentIndent in candidates {
            guard
                let replay = BlockReplay(
                    bytes: bytes, value: value, header: header, literal: literal, parentIndent: parentIndent)
            else { return nil }
            if replay.matches { return (replay.runs.segments, replay.contentEnd) }
        }
        return nil
    }

    /// One replay of libyaml's block scalar scanner with a given parent indentation, checked against
    /// the value as it goes (so a wrong indentation guess fails fast).
    struct BlockReplay {
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
                if lineEnd > file, lineEnd < bytes.count, bytes[lineEnd - 1] == YAMLBytes.carriageReturn {
                    lineEnd -= 1
                }
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
}
