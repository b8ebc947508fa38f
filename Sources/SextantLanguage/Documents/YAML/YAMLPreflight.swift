/// The byte checks that run before Yams sees a file.
///
/// Yams (libyaml plus a recursive composer) stops at the first problem and some inputs hurt it:
/// deep nesting overflows the composer's stack, and a collection used as a key is hashed through
/// its aliases. One linear pass over the bytes therefore:
/// - reports characters YAML rejects or reads differently from editors (NUL and control characters,
///   lone `\r`, NEL, U+2028/U+2029) and tabs used as indentation, each at its exact byte, and
///   replaces them with spaces of the same byte length so Yams can still parse the rest;
/// - tracks block indentation, `- `/`: ` indicators and flow brackets (outside quotes, comments and
///   block scalars) to enforce the depth limit, counts values and aliases, and rejects complex keys;
/// - records document markers and alias uses for later messages.
///
/// The scan is conservative: it may over-count depth by a level or two per line, never under-count.
struct YAMLPreflight {
    /// What the scan found besides the diagnostics it reported.
    struct Result {
        /// The bytes to hand to Yams: the file's bytes with the reported characters replaced by
        /// spaces. Always the same length as the file, so every offset means the same in both.
        var bytes: [UInt8]
        /// True when any byte was replaced.
        var wasPatched: Bool
        /// True when the text must not reach Yams (too deep, too many values or aliases, complex
        /// keys, binary data).
        var isFatal: Bool
        /// Offsets of `---` document markers.
        var documentMarkers: [Int]
        /// Alias uses (`*name`), in file order.
        var aliases: [(name: String, offset: Int)]
        /// Offsets of the lines that start inside a flow collection (`[`/`{` left open), ascending.
        var flowLineStarts: [Int]
    }

    private let file: SourceFile
    private var bytes: [UInt8]
    private var findings: [Diagnostic] = []
    private var wasPatched = false
    private var isFatal = false
    private var characterFindings = 0
    private var depthReported = false
    private var valuesReported = false
    private var aliasesReported = false

    // Structure state carried from line to line.
    private var indentStack: [Int] = []
    private var flowDepth = 0
    private var flowBaseDepth = 0
    private var flowOpenings: [Int] = []
    private var openQuote: UInt8?
    private var continuation: (parentIndent: Int, isBlockScalar: Bool)?
    private var lineDepth = 0
    private var values = 0
    private var aliases: [(name: String, offset: Int)] = []
    private var markers: [Int] = []
    private var flowLineStarts: [Int] = []

    private init(file: SourceFile) {
        self.file = file
        self.bytes = file.utf8
    }

    /// Scans `file`, reporting what it finds into `diagnostics`.
    static func run(_ file: SourceFile, into diagnostics: inout DiagnosticBag) -> Result {
        var scan = YAMLPreflight(file: file)
        scan.checkCharacters()
        if !scan.isFatal { scan.checkStructure() }
        diagnostics.report(contentsOf: scan.findings)
        return Result(
            bytes: scan.bytes, wasPatched: scan.wasPatched, isFatal: scan.isFatal,
            documentMarkers: scan.markers, aliases: scan.aliases, flowLineStarts: scan.flowLineStarts)
    }

    // MARK: - Characters

    private mutating func checkCharacters() {
        // Found first, reported and patched after: the scan reads `bytes` through a raw pointer.
        var found: [(id: DiagnosticID, message: String, offset: Int, length: Int)] = []
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var index = 0
            while index < count, found.count <= YAMLLimits.maxCharacterFindings {
                if index + 8 <= count,
                    YAMLPreflight.isPrintableASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = raw[index]
                if byte < 0x80 {
                    if byte == 0 {
                        found.append((.notUTF8, "a NUL byte: YAML files are text", index, 1))
                    } else if byte == YAMLBytes.carriageReturn,
                        index + 1 >= count || raw[index + 1] != YAMLBytes.newline
                    {
                        found.append(
                            (
                                .yamlSyntax,
                                "a carriage return (`\\r`) without a newline: YAML reads it as a line break, most editors do not; save the file with `\\n` or `\\r\\n` line endings",
                                index, 1
                            ))
                    } else if (byte < 0x20 && byte != YAMLBytes.tab && byte != YAMLBytes.newline
                        && byte != YAMLBytes.carriageReturn)
                        || byte == 0x7F
                    {
                        found.append(
                            (
                                .notUTF8,
                                "control character \(YAMLPreflight.codePoint(UInt32(byte))) is not allowed in YAML text",
                                index, 1
                            ))
                    }
                    index += 1
                    continue
                }
                let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1, count - index)
                let scalar = YAMLPreflight.decode(raw, at: index, length: length)
                switch scalar {
                case 0x85, 0x2028, 0x2029:
                    let name =
                        scalar == 0x85 ? "NEXT LINE" : scalar == 0x2028 ? "LINE SEPARATOR" : "PARAGRAPH SEPARATOR"
                    found.append(
                        (
                            .yamlSyntax,
                            "\(YAMLPreflight.codePoint(scalar)) \(name) is a line break to YAML but not to most editors; use a plain newline or a space",
                            index, length
                        ))
                case 0x80...0x9F, 0xFFFE, 0xFFFF:
                    found.append(
                        (
                            .notUTF8,
                            "control character \(YAMLPreflight.codePoint(scalar)) is not allowed in YAML text", index,
                            length
                        ))
                default:
                    break
                }
                index += length
            }
        }
        for finding in found where !isFatal {
            characterFinding(finding.id, finding.message, at: finding.offset, length: finding.length)
        }
    }

    /// True when all 8 bytes of `word` are printable ASCII (0x20…0x7E), which need no check.
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let hasHigh = word & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        let deletes = word ^ (ones &* 0x7F)
        let hasDelete = (deletes &- ones) & ~deletes & highs
        return hasHigh | hasControl | hasDelete == 0
    }

    private mutating func characterFinding(_ id: DiagnosticID, _ message: String, at offset: Int, length: Int) {
        characterFindings += 1
        if characterFindings > YAMLLimits.maxCharacterFindings {
            isFatal = true
            findings.append(
                Diagnostic(
                    id,
                    "more than \(YAMLLimits.maxCharacterFindings) characters YAML does not accept: this does not look like a text file",
                    at: span(offset, length)))
            return
        }
        findings.append(Diagnostic(id, message, at: span(offset, length)))
        patch(offset..<(offset + length))
    }

    private mutating func patch(_ range: Range<Int>) {
        for index in range where index < bytes.count { bytes[index] = YAMLBytes.space }
        wasPatched = true
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int, length: Int) -> UInt32 {
        guard length > 1, offset + length <= bytes.count else { return UInt32(bytes[offset]) }
        let leadMask: UInt8 = length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07
        var scalar = UInt32(bytes[offset] & leadMask)
        for index in (offset + 1)..<(offset + length) { scalar = scalar << 6 | UInt32(bytes[index] & 0x3F) }
        return scalar
    }

    private static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: - Structure

    private mutating func checkStructure() {
        var lineStart = 0
        // After a fatal finding the text never reaches Yams: the rest needs no scan.
        while lineStart < bytes.count, !isFatal {
            let newline = YAMLBytes.nextNewline(bytes, from: lineStart)
            // Lone `\r`s were replaced by the character check: a `\r` here ends a `\r\n`.
            let lineEnd = newline > lineStart && bytes[newline - 1] == YAMLBytes.carriageReturn ? newline - 1 : newline
            scanLine(lineStart..<lineEnd)
            lineStart = newline + 1
        }
    }

    private mutating func scanLine(_ line: Range<Int>) {
        var position = line.lowerBound
        if let quote = openQuote {
            position = scanQuote(quote, from: position, end: line.upperBound)
            if openQuote != nil { return }
            tokenize(from: position, end: line.upperBound)
            return
        }
        if let (parentIndent, isBlockScalar) = continuation {
            var first = position
            while first < line.upperBound, YAMLBytes.isBlank(bytes[first]) { first += 1 }
            if first == line.upperBound { return }
            var indent = 0
            while line.lowerBound + indent < line.upperBound, bytes[line.lowerBound + indent] == YAMLBytes.space {
                indent += 1
            }
            // A block scalar's content and a plain scalar's continuation lines are text: more
            // indented than the collection holding the scalar (a comment ends a plain scalar).
            if indent > parentIndent, isBlockScalar || bytes[first] != UInt8(ascii: "#") { return }
            continuation = nil
        }
        if flowDepth > 0 {
            flowLineStarts.append(line.lowerBound)
            tokenize(from: position, end: line.upperBound)
            return
        }
        if isDocumentMarker(at: position, end: line.upperBound) {
            if bytes[position] == UInt8(ascii: "-") { markers.append(position) }
            indentStack.removeAll()
            lineDepth = 0
            tokenize(from: position + 3, end: line.upperBound)
            return
        }
        while position < line.upperBound, YAMLBytes.isBlank(bytes[position]) {
            if bytes[position] == YAMLBytes.tab { reportTab(at: position) }
            position += 1
        }
        guard position < line.upperBound, bytes[position] != UInt8(ascii: "#") else { return }
        if position == line.lowerBound, bytes[position] == UInt8(ascii: "%") { return }
        let indent = position - line.lowerBound
        while let top = indentStack.last, top > indent { indentStack.removeLast() }
        if indentStack.last != indent { indentStack.append(indent) }
        lineDepth = indentStack.count
        checkDepth(at: position)
        tokenize(from: position, end: line.upperBound)
    }

    private func isDocumentMarker(at offset: Int, end: Int) -> Bool {
        guard offset + 3 <= end else { return false }
        let first = bytes[offset]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return bytes[offset + 1] == first && bytes[offset + 2] == first
            && YAMLBytes.isBlankOrBreak(bytes, at: offset + 3)
    }

    /// Walks the tokens of one line (or of its rest after a quote closed).
    private mutating func tokenize(from start: Int, end: Int) {
        var position = start
        while position < end {
            let byte = bytes[position]
            let next = position + 1
            switch byte {
            case YAMLBytes.space, YAMLBytes.tab:
                position = next
            case UInt8(ascii: "#"):
                return
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                countValue(at: position)
                position = scanQuote(byte, from: next, end: end)
                if openQuote != nil { return }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                countValue(at: position)
                if flowDepth == 0 { flowBaseDepth = lineDepth }
                flowDepth += 1
                flowOpenings.append(position)
                checkDepth(at: position)
                position = next
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                let opening = flowOpenings.popLast() ?? position
                flowDepth = max(0, flowDepth - 1)
                position = next
                var after = position
                while after < end, YAMLBytes.isBlank(bytes[after]) { after += 1 }
                if after < end, bytes[after] == UInt8(ascii: ":") {
                    complexKey("a list or mapping used as a key", at: opening)
                }
            case UInt8(ascii: ","):
                position = next
            case UInt8(ascii: "?") where YAMLBytes.isBlankOrBreak(bytes, at: next):
                complexKey("a `?` complex key", at: position)
                position = next
            case UInt8(ascii: "-") where flowDepth == 0 && YAMLBytes.isBlankOrBreak(bytes, at: next):
                countValue(at: position)
                lineDepth += 1
                checkDepth(at: position)
                if next < end, bytes[next] == YAMLBytes.tab { reportTab(at: next) }
                position = next
            case UInt8(ascii: ":")
            where YAMLBytes.isBlankOrBreak(bytes, at: next)
                || (flowDepth > 0 && next < end && YAMLBytes.isFlowIndicator(bytes[next])):
                if flowDepth == 0 {
                    lineDepth += 1
                    checkDepth(at: position)
                }
                position = next
            case UInt8(ascii: "|") where flowDepth == 0, UInt8(ascii: ">") where flowDepth == 0:
                countValue(at: position)
                continuation = (parentIndent(ofNodeAt: position), true)
                return
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                position = next
                while position < end, YAMLBytes.isAnchorCharacter(bytes[position]) { position += 1 }
                if byte == UInt8(ascii: "*") { alias(from: next - 1, to: position, end: end) }
            case UInt8(ascii: "!"):
                while position < end, !YAMLBytes.isBlank(bytes[position]),
                    !(flowDepth > 0 && YAMLBytes.isFlowIndicator(bytes[position]))
                {
                    position += 1
                }
            default:
                countValue(at: position)
                let scalarStart = position
                position = scanPlain(from: position, end: end)
                if position == end, flowDepth == 0 {
                    continuation = (parentIndent(ofNodeAt: scalarStart), false)
                }
            }
        }
    }

    /// The end of a plain scalar starting at `start` on this line.
    private func scanPlain(from start: Int, end: Int) -> Int {
        var position = start
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: ":"),
                YAMLBytes.isBlankOrBreak(bytes, at: position + 1)
                    || (flowDepth > 0 && position + 1 < end && YAMLBytes.isFlowIndicator(bytes[position + 1]))
            {
                return position
            }
            if flowDepth > 0, YAMLBytes.isFlowIndicator(byte) { return position }
            if byte == UInt8(ascii: "#"), position > start, YAMLBytes.isBlank(bytes[position - 1]) { return position }
            position += 1
        }
        return position
    }

    /// Scans a quoted scalar's text from `start` (after the opening quote); returns the offset just
    /// past the closing quote, or `end` with `openQuote` set when the scalar continues on the next line.
    private mutating func scanQuote(_ quote: UInt8, from start: Int, end: Int) -> Int {
        var position = start
        while position < end {
            let byte = bytes[position]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == quote {
                if quote == UInt8(ascii: "'"), position + 1 < end, bytes[position + 1] == quote {
                    position += 2
                    continue
                }
                openQuote = nil
                return position + 1
            }
            position += 1
        }
        openQuote = quote
        return end
    }

    /// libyaml's `parser->indent` at a node: the collection on the node's line, else the
    /// indentation level below the current line's.
    private func parentIndent(ofNodeAt offset: Int) -> Int {
        YAMLBytes.enclosingIndent(bytes, ofNodeAt: offset) ?? indentStack.dropLast().last ?? -1
    }

    private mutating func alias(from start: Int, to end: Int, end lineEnd: Int) {
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        aliases.append((name, start))
        if aliases.count > YAMLLimits.maxAliases, !aliasesReported {
            aliasesReported = true
            isFatal = true
            findings.append(
                Diagnostic(
                    .yamlAliasLimit,
                    "more than \(YAMLLimits.maxAliases) alias uses; the loader accepts at most \(YAMLLimits.maxAliases)",
                    at: span(start, end - start)))
        }
        var after = end
        while after < lineEnd, YAMLBytes.isBlank(bytes[after]) { after += 1 }
        if after < lineEnd, bytes[after] == UInt8(ascii: ":") {
            complexKey("an alias (`*\(name)`) used as a key", at: start)
        }
    }

    private mutating func complexKey(_ what: String, at offset: Int) {
        isFatal = true
        findings.append(
            Diagnostic(
                .wrongNodeKind, "\(what): keys in Sextant files are plain words",
                at: span(offset, 1), suggestion: "write the key as a word, e.g. `entry:`"))
    }

    private mutating func countValue(at offset: Int) {
        values += 1
        if values > YAMLLimits.maxValues, !valuesReported {
            valuesReported = true
            isFatal = true
            findings.append(
                Diagnostic(
                    .fileTooLarge,
                    "the file holds more than \(YAMLLimits.maxValues) YAML values, the most the loader accepts",
                    at: span(offset, 1), suggestion: "keep bar data in CSV files, not in inline tests"))
        }
    }

    private mutating func checkDepth(at offset: Int) {
        let depth = flowDepth > 0 ? flowBaseDepth + flowDepth : lineDepth
        guard depth > YAMLLimits.maxDepth, !depthReported else { return }
        depthReported = true
        isFatal = true
        findings.append(
            Diagnostic(
                .yamlTooDeep, "YAML nested more than \(YAMLLimits.maxDepth) levels deep, the most the loader accepts",
                at: span(offset, 1)))
    }

    private mutating func reportTab(at offset: Int) {
        findings.append(
            Diagnostic(
                .yamlTab, "a tab in indentation: YAML indents with spaces only", at: span(offset, 1),
                suggestion: "replace the tab with spaces"))
        patch(offset..<(offset + 1))
    }

    private func span(_ offset: Int, _ length: Int) -> SourceSpan {
        SourceSpan(file: file, range: offset..<(offset + max(0, length)))
    }
}
