import Foundation

/// Byte-level facts about YAML text shared by the preflight scan and the scalar source map.
///
/// Both work on the bytes handed to Yams, where the preflight has already replaced lone `\r`,
/// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, so the only line breaks left are `\n` and `\r\n`.
enum YAMLBytes {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// True for a space or a tab.
    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    /// The length of the line break at `offset` (2 for `\r\n`), or 0 when there is none.
    static func breakLength(_ bytes: [UInt8], at offset: Int) -> Int {
        guard offset >= 0, offset < bytes.count else { return 0 }
        if bytes[offset] == newline { return 1 }
        if bytes[offset] == carriageReturn {
            return offset + 1 < bytes.count && bytes[offset + 1] == newline ? 2 : 1
        }
        return 0
    }

    /// True at the end of the text, a blank or a line break.
    static func isBlankOrBreak(_ bytes: [UInt8], at offset: Int) -> Bool {
        offset >= bytes.count || isBlank(bytes[offset]) || breakLength(bytes, at: offset) > 0
    }

    /// True for the flow indicators `, [ ] { }`.
    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// True for the characters libyaml allows in anchor and alias names.
    static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// The value of a hexadecimal digit.
    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The offset of the next `\n` at or after `offset`, or the end of the text.
    static func nextNewline(_ bytes: [UInt8], from offset: Int) -> Int {
        guard offset >= 0, offset < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer -> Int in
            // memchr: the byte-by-byte loop is the loader's hot spot in debug builds.
            guard let base = buffer.baseAddress,
                let found = memchr(base + offset, Int32(newline), buffer.count - offset)
            else {
                return buffer.count
            }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// True when every byte in `range` is ASCII.
    static func isASCII(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        return bytes.withUnsafeBytes { raw in
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return false
                }
                index += 8
            }
            while index < range.upperBound {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    /// True when `count` bytes of `bytes` from `offset` equal `count` bytes of `other` from `otherOffset`.
    static func equal(_ bytes: [UInt8], at offset: Int, _ other: [UInt8], at otherOffset: Int, count: Int) -> Bool {
        guard count > 0 else { return count == 0 }
        guard offset >= 0, otherOffset >= 0, offset + count <= bytes.count, otherOffset + count <= other.count else {
            return false
        }
        return bytes.withUnsafeBufferPointer { lhs in
            other.withUnsafeBufferPointer { rhs in
                guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return false }
                return memcmp(left + offset, right + otherOffset, count) == 0
            }
        }
    }

    /// Skips blanks, line breaks and comments between tokens.
    static func skipSeparation(_ bytes: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            if isBlank(bytes[index]) {
                index += 1
            } else if case let length = breakLength(bytes, at: index), length > 0 {
                index += length
            } else if bytes[index] == UInt8(ascii: "#") {
                while index < bytes.count, breakLength(bytes, at: index) == 0 { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    /// The offset of the first byte of the line holding `offset`.
    static func lineStart(_ bytes: [UInt8], of offset: Int) -> Int {
        var index = min(max(0, offset), bytes.count)
        while index > 0, bytes[index - 1] != newline { index -= 1 }
        return index
    }

    /// The indentation of the innermost block collection that holds the node starting at `offset`,
    /// read from the node's own line: the column of the key in `key: node`, or of the last `-` in
    /// `- - node`. Nil when the node starts its line (its collection is on an earlier line).
    ///
    /// This is libyaml's `parser->indent` at the node, which decides where a block scalar with an
    /// indentation indicator starts and which lines continue a multi-line plain scalar.
    static func enclosingIndent(_ bytes: [UInt8], ofNodeAt offset: Int) -> Int? {
        let start = lineStart(bytes, of: offset)
        var index = start
        while index < offset, bytes[index] == space { index += 1 }
        var indent: Int?
        while index < offset, bytes[index] == UInt8(ascii: "-"), isBlankOrBreak(bytes, at: index + 1) {
            indent = index - start
            index += 1
            while index < offset, isBlank(bytes[index]) { index += 1 }
        }
        if index < offset, hasValueIndicator(bytes, in: index..<offset) {
            indent = index - start
        }
        return indent
    }

    /// True when `range` holds a `key:` value indicator (a `:` followed by a blank), outside a
    /// quoted key.
    private static func hasValueIndicator(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        if index < range.upperBound, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
            let quote = bytes[index]
            index += 1
            while index < range.upperBound, bytes[index] != quote {
                index += bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") ? 2 : 1
            }
            index += 1
        }
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: ":"), isBlankOrBreak(bytes, at: index + 1) { return true }
            index += 1
        }
        return false
    }
}
