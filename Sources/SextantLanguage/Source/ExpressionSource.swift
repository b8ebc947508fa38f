/// The text of one expression (a YAML scalar's value) and where each of its bytes came from.
///
/// A YAML scalar's value is not always a verbatim slice of the file: quoted scalars have escapes,
/// and multi-line plain or folded scalars fold line breaks. The lexer reads `text`; every token's
/// offsets go through `fileOffset(_:)` so that spans point at the exact bytes in the file.
public struct ExpressionSource: Sendable {
    /// One run of value bytes that maps to consecutive file bytes.
    public struct Segment: Sendable, Equatable {
        /// Offset of the run's first byte in `text.utf8`.
        public var valueOffset: Int
        /// Offset of the same byte in the file.
        public var fileOffset: Int
        /// Number of bytes in the run.
        public var length: Int

        /// Creates a segment.
        public init(valueOffset: Int, fileOffset: Int, length: Int) {
            self.valueOffset = valueOffset
            self.fileOffset = fileOffset
            self.length = length
        }
    }

    /// The expression text the lexer reads.
    public let text: String
    /// The file the text came from.
    public let file: SourceFile
    /// Runs sorted by `valueOffset`. A value byte in no run (e.g. produced by an escape) maps to the
    /// nearest preceding run's end.
    public let segments: [Segment]

    /// Creates an expression source with an explicit offset map.
    public init(text: String, file: SourceFile, segments: [Segment]) {
        self.text = text
        self.file = file
        self.segments = segments
    }

    /// An expression that is a verbatim slice of the file starting at `fileOffset`.
    public init(verbatim text: String, file: SourceFile, fileOffset: Int) {
        self.init(
            text: text, file: file,
            segments: [Segment(valueOffset: 0, fileOffset: fileOffset, length: text.utf8.count)])
    }

    /// A standalone expression (e.g. from `sextant eval -e`), given its own pseudo-file.
    public init(standalone text: String, name: String = "<expr>") {
        self.init(verbatim: text, file: SourceFile(path: name, text: text), fileOffset: 0)
    }

    /// Maps an offset in `text.utf8` (0...count) to an offset in the file.
    public func fileOffset(_ valueOffset: Int) -> Int {
        guard !segments.isEmpty else { return 0 }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].valueOffset <= valueOffset { low = mid } else { high = mid - 1 }
        }
        let segment = segments[low]
        let delta = valueOffset - segment.valueOffset
        if delta < 0 { return segment.fileOffset }
        return segment.fileOffset + min(delta, segment.length)
    }

    /// The file span of a value byte range.
    public func span(_ valueRange: Range<Int>) -> SourceSpan {
        let start = fileOffset(valueRange.lowerBound)
        let end = valueRange.isEmpty ? start : fileOffset(valueRange.upperBound - 1) + 1
        return SourceSpan(file: file, range: start..<max(start, end))
    }

    /// The span of the whole expression.
    public var wholeSpan: SourceSpan { span(0..<text.utf8.count) }
}
