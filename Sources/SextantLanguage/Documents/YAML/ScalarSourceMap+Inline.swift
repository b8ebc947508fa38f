// Plain and quoted scalars: YAML's flow folding and double-quoted escapes.
extension ScalarSourceMap {
    /// The value-guided re-scan of plain and quoted scalars, which share YAML's flow folding:
    /// trailing blanks before a break are dropped, a single break becomes a space, n+1 breaks become
    /// n newlines, and the next line's leading blanks are dropped.
    struct InlineScan {
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
            if style == .singleQuoted, byte == UInt8(ascii: "'"), file + 1 < bytes.count,
                bytes[file + 1] == UInt8(ascii: "'")
            {
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
                : breaks.count == 1
                    ? [(UInt8(ascii: " "), breaks[0])] : breaks.dropFirst().map { (UInt8(ascii: "\n"), $0) }
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
            guard let (scalar, length) = InlineScan.decodeEscape(bytes, at: file), let unicode = Unicode.Scalar(scalar)
            else {
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
}
