/// A node of a loaded YAML document: our own tree, with positions, built from Yams' nodes.
///
/// Unlike Yams' `Node`, it is a tree (aliases are expanded, within the loader's budget), keeps
/// only scalar keys, and knows the file bytes each node covers.
struct YAMLNode: Sendable {
    /// What the node holds.
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLMappingEntry])
    }

    /// What the node holds.
    let content: Content
    /// Yams' mark of the node as a byte offset.
    let markOffset: Int
    /// True for `[…]` and `{…}` collections.
    let isFlow: Bool
    /// The text it was parsed from.
    let text: YAMLText

    /// The scalar, when the node is one.
    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// True for an empty value, `~` or `null`.
    var isNull: Bool { scalar?.isNull ?? false }

    /// The bytes the node covers: a scalar's token, a flow collection up to its closing bracket, a
    /// block collection up to the end of its last item.
    var span: SourceSpan {
        switch content {
        case .scalar(let scalar):
            return scalar.span
        case .sequence(let items):
            return text.span(markOffset..<max(markOffset, collectionEnd(lastChild: items.last)))
        case .mapping(let entries):
            return text.span(markOffset..<max(markOffset, collectionEnd(lastChild: entries.last?.value)))
        }
    }

    /// The node's first byte, for pointing at "this value" without covering a whole collection.
    var startSpan: SourceSpan {
        if let scalar { return scalar.span }
        let start = ScalarSourceMap.skipProperties(text.bytes, from: markOffset)
        return text.characterSpan(at: start)
    }

    /// How the node reads in a message: "a mapping", "a list", "the value `x`", "nothing".
    var summary: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.isNull { return "nothing" }
            let short = scalar.value.count > 40 ? String(scalar.value.prefix(37)) + "…" : scalar.value
            return "`\(short.replacingNewlines)`"
        }
    }

    private func collectionEnd(lastChild: YAMLNode?) -> Int {
        if isFlow { return flowEnd() }
        return lastChild?.span.range.upperBound ?? markOffset
    }

    /// The offset just past the bracket closing the flow collection that starts at the mark.
    private func flowEnd() -> Int {
        let bytes = text.bytes
        var index = ScalarSourceMap.skipProperties(bytes, from: markOffset)
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
                depth -= 1
                if depth <= 0 { return index + 1 }
            } else if byte == UInt8(ascii: "#"), index > 0, YAMLBytes.isBlankOrBreak(bytes, at: index - 1) {
                while index < bytes.count, YAMLBytes.breakLength(bytes, at: index) == 0 { index += 1 }
                continue
            }
            index += 1
        }
        return bytes.count
    }
}

extension String {
    /// The string with line breaks shown as `⏎`, for one-line messages.
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r\n" ? "⏎" : $0 })
    }
}
