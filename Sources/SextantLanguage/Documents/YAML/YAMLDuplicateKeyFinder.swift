/// Finds every key of the mapping that holds a given key, to locate repeated keys.
///
/// Yams stops at a mapping with a repeated key and reports the *first* occurrence. The loader
/// wants the second (that is the one to delete) with a note at the first, and wants to keep
/// parsing: it lists the mapping's keys with this scan, renames the repeats and parses again.
/// The scan reads block mappings by indentation and flow mappings by brackets; keys are plain or
/// quoted scalars (the preflight rejects every other kind).
enum YAMLDuplicateKeyFinder {
    /// A key of the mapping: its value as YAML reads it and its bytes in the file.
    struct Key: Equatable {
        /// The key's value.
        let name: String
        /// The key's token, quotes included.
        let range: Range<Int>
    }

    /// The keys of the mapping holding the key that starts at `keyOffset`, in file order, from
    /// that key on. Empty when the text at `keyOffset` is not a key.
    static func keys(ofMappingHolding keyOffset: Int, in bytes: [UInt8], flowLineStarts: [Int]) -> [Key] {
        guard keyOffset >= 0, keyOffset < bytes.count else { return [] }
        if isInFlow(keyOffset, bytes: bytes, flowLineStarts: flowLineStarts) {
            return flowKeys(from: keyOffset, in: bytes)
        }
        return blockKeys(from: keyOffset, in: bytes)
    }

    private static func isInFlow(_ offset: Int, bytes: [UInt8], flowLineStarts: [Int]) -> Bool {
        let lineStart = YAMLBytes.lineStart(bytes, of: offset)
        var depth = flowLineStarts.contains(lineStart) ? 1 : 0
        var index = lineStart
        var quote: UInt8?
        while index < offset {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            }
            index += 1
        }
        return depth > 0
    }

    private static func blockKeys(from keyOffset: Int, in bytes: [UInt8]) -> [Key] {
        guard let (first, _) = readKey(at: keyOffset, in: bytes, flow: false) else { return [] }
        var keys = [first]
        let column = keyOffset - YAMLBytes.lineStart(bytes, of: keyOffset)
        var lineStart = keyOffset
        while lineStart < bytes.count, YAMLBytes.breakLength(bytes, at: lineStart) == 0 { lineStart += 1 }
        lineStart += YAMLBytes.breakLength(bytes, at: lineStart)
        while lineStart < bytes.count {
            var first = lineStart
            while first < bytes.count, bytes[first] == YAMLBytes.space { first += 1 }
            var lineEnd = first
            while lineEnd < bytes.count, YAMLBytes.breakLength(bytes, at: lineEnd) == 0 { lineEnd += 1 }
            defer { lineStart = lineEnd + max(1, YAMLBytes.breakLength(bytes, at: lineEnd)) }
            let indent = first - lineStart
            let isBlank = first == lineEnd || bytes[first] == UInt8(ascii: "#") || YAMLBytes.isBlank(bytes[first])
            if isBlank || indent > column { continue }
            if indent < column || isDocumentMarker(bytes, at: lineStart) { break }
            // A block list may sit at its key's own indentation (`key:` then `- item`).
            if bytes[first] == UInt8(ascii: "-"), YAMLBytes.isBlankOrBreak(bytes, at: first + 1) { continue }
            if let (key, _) = readKey(at: first, in: bytes, flow: false) { keys.append(key) }
        }
        return keys
    }

    private static func flowKeys(from keyOffset: Int, in bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        var index = keyOffset
        while index < bytes.count, let (key, afterColon) = readKey(at: index, in: bytes, flow: true) {
            keys.append(key)
            // Skip the value to the `,` or `}` at this mapping's level.
            index = afterColon
            var depth = 0
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") {
                        index += 1
                    } else if byte == open {
                        quote = nil
                    }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    depth += 1
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    if depth == 0 { return keys }
                    depth -= 1
                } else if byte == UInt8(ascii: ","), depth == 0 {
                    break
                }
                index += 1
            }
            index = YAMLBytes.skipSeparation(bytes, from: index + 1)
        }
        return keys
    }

    /// Reads `key:` at `offset`; returns the key and the offset after its colon.
    private static func readKey(at offset: Int, in bytes: [UInt8], flow: Bool) -> (Key, Int)? {
        guard offset < bytes.count else { return nil }
        let first = bytes[offset]
        var tokenEnd: Int
        var name: String
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var index = offset + 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else { return nil }
                let byte = bytes[index]
                if byte == first {
                    // `''` is a quote inside single quotes.
                    guard first == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == first else { break }
                    value.append(byte)
                    index += 2
                } else if first == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    value.append(bytes[index + 1])
                    index += 2
                } else {
                    value.append(byte)
                    index += 1
                }
            }
            guard index < bytes.count else { return nil }
            tokenEnd = index + 1
            name = String(decoding: value, as: UTF8.self)
        } else {
            var index = offset
            while index < bytes.count {
                let byte = bytes[index]
                if YAMLBytes.breakLength(bytes, at: index) > 0 { return nil }
                if byte == UInt8(ascii: ":"),
                    YAMLBytes.isBlankOrBreak(bytes, at: index + 1)
                        || (flow && index + 1 < bytes.count && YAMLBytes.isFlowIndicator(bytes[index + 1]))
                {
                    break
                }
                if flow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    return nil
                }
                index += 1
            }
            tokenEnd = index
            while tokenEnd > offset, YAMLBytes.isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
            guard tokenEnd > offset else { return nil }
            name = String(decoding: bytes[offset..<tokenEnd], as: UTF8.self)
        }
        var colon = tokenEnd
        while colon < bytes.count, YAMLBytes.isBlank(bytes[colon]) { colon += 1 }
        guard colon < bytes.count, bytes[colon] == UInt8(ascii: ":") else { return nil }
        return (Key(name: name, range: offset..<tokenEnd), colon + 1)
    }

    private static func isDocumentMarker(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset + 3 <= bytes.count else { return false }
        let first = bytes[offset]
        return (first == UInt8(ascii: "-") || first == UInt8(ascii: ".")) && bytes[offset + 1] == first
            && bytes[offset + 2] == first && YAMLBytes.isBlankOrBreak(bytes, at: offset + 3)
    }
}
