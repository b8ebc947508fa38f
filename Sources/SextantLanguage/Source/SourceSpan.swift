/// A half-open range of UTF-8 bytes in one source file.
///
/// Spans are what every AST node, document node and diagnostic carries; they are cheap to copy
/// (a reference and two integers) and resolve to lines and columns on demand.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The file the span points into.
    public let file: SourceFile
    /// Byte offsets into `file.utf8`.
    public let range: Range<Int>

    /// Creates a span; the range is clamped to the file.
    public init(file: SourceFile, range: Range<Int>) {
        self.file = file
        let lower = max(0, min(range.lowerBound, file.utf8.count))
        let upper = max(lower, min(range.upperBound, file.utf8.count))
        self.range = lower..<upper
    }

    /// Where the span starts.
    public var start: SourceLocation { file.location(of: range.lowerBound) }
    /// Where the span ends (the position just past its last byte).
    public var end: SourceLocation { file.location(of: range.upperBound) }
    /// The spanned text.
    public var text: Substring { Substring(decoding: file.utf8[range], as: UTF8.self) }

    /// The smallest span covering both spans (which must be in the same file).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(
            file: file,
            range: min(range.lowerBound, other.range.lowerBound)..<max(range.upperBound, other.range.upperBound))
    }

    /// An empty span at this span's end, e.g. to point at "the missing operand after this".
    public var endPoint: SourceSpan { SourceSpan(file: file, range: range.upperBound..<range.upperBound) }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.file === rhs.file && lhs.range == rhs.range
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
    }

    public var description: String { "\(file.path):\(start)" }
}
