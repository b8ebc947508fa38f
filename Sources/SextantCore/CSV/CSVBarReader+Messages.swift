extension CSVBarReader {
    /// The most characters of a field that a message quotes.
    static let quotedLength = 40

    /// A field's bytes as a message quotes them: control characters and bytes that are not UTF-8 escaped
    /// (`\0`, `\x07`, `\xFF`), so that the message is one readable line whatever the file holds, and long
    /// text shortened (`1111…` plus the length), so that a corrupt 10 MB field yields a short message.
    static func display(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        var text = ""
        var shown = 0
        var index = 0
        while index < bytes.count && shown < quotedLength {
            let byte = bytes[index]
            let sequenceLength = utf8SequenceLength(bytes, at: index)
            if sequenceLength > 1 {
                text += String(decoding: bytes[index..<index + sequenceLength], as: UTF8.self)
                index += sequenceLength
            } else {
                text += escaped(byte)
                index += 1
            }
            shown += 1
        }
        if index < bytes.count { text += "… (\(bytes.count) bytes)" }
        return text
    }

    /// One byte of a field: itself when printable ASCII, else an escape.
    private static func escaped(_ byte: UInt8) -> String {
        switch byte {
        case 0: return "\\0"
        case 9: return "\\t"
        case 10: return "\\n"
        case 13: return "\\r"
        case 32..<127: return String(UnicodeScalar(byte))
        default: return "\\x" + hex(byte)
        }
    }

    /// Two upper-case hexadecimal digits.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// The length of the valid multi-byte UTF-8 sequence at `index`, or 1 (ASCII or an invalid byte).
    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 1
        }
        guard index + length <= bytes.count else { return 1 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 1 }
        // Reject overlong and surrogate forms exactly as Swift's decoder does.
        let sequence = bytes[index..<index + length]
        var iterator = sequence.makeIterator()
        var decoder = UTF8()
        if case .scalarValue = decoder.decode(&iterator) { return length }
        return 1
    }

    /// Describes the first byte of a field that can never be part of a number or a time, if any:
    /// NUL, another control character, or a byte outside ASCII (usually text in a non-UTF-8 encoding,
    /// or binary data).
    static func invalidCharacter(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, field: String
    ) -> CSVFieldProblem? {
        var cursor = start
        while cursor < end {
            let byte = cursor.pointee
            let offset = cursor - start
            if byte == 0 {
                return CSVFieldProblem(
                    kind: .invalidCharacter,
                    message: "NUL byte in the '\(field)' field (is the file truncated, padded or binary?)",
                    offset: offset)
            }
            if byte < 32 || byte == 127 {
                return CSVFieldProblem(
                    kind: .invalidCharacter, message: "control character 0x\(hex(byte)) in the '\(field)' field",
                    offset: offset)
            }
            if byte >= 128 {
                return CSVFieldProblem(
                    kind: .invalidCharacter,
                    message: "byte 0x\(hex(byte)) in the '\(field)' field: numbers and times are plain ASCII "
                        + "(is the file in another encoding?)",
                    offset: offset)
            }
            cursor += 1
        }
        return nil
    }
}
