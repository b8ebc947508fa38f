/// Reads OHLCV bars from CSV: `time,open,high,low,close[,volume]`, strictly, fast, with located errors.
///
/// The format and every choice the reader makes (accepted times and numbers, header aliases, quotes,
/// blank lines, what is an error) are specified in `docs/data.md`. In short:
/// - a header is required; names are case-insensitive; `time` may be spelled `date`, `timestamp` or
///   `datetime`; `volume` is optional; other columns are ignored;
/// - times are ISO-8601 dates or date-times (UTC unless an offset is given), epoch seconds (≤ 10 digits)
///   or epoch milliseconds (11–13 digits), one form per file, strictly increasing;
/// - prices and volumes are decimal numbers, converted exactly as `Double(String)` converts them;
/// - any malformed row is an error at its path, line and column, and then no series is returned.
///
/// The file is memory-mapped and parsed as bytes: no `String` per line or field, and numbers take
/// Clinger's exact fast path whenever it applies, so ten million bars load in about a second.
///
/// ```swift
/// let goog = try CSVBarReader.read(path: "examples/data/GOOG.csv")
/// let audited = try CSVBarReader(options: .init(validate: true)).read(path: "eth.csv")
/// ```
public struct CSVBarReader: Sendable {
    /// How strictly files are read.
    public var options: Options

    /// Creates a reader.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Reads the bar file at `path` with the default options.
    public static func read(path: String) throws(BarFileError) -> BarSeries {
        try CSVBarReader().read(path: path)
    }

    /// Reads CSV bytes held in memory with the default options; `path` is used only in errors.
    public static func read(bytes: UnsafeRawBufferPointer, path: String) throws(BarFileError) -> BarSeries {
        try CSVBarReader().read(bytes: bytes, path: path)
    }

    /// Reads the bar file at `path`.
    public func read(path: String) throws(BarFileError) -> BarSeries {
        try MappedFile.withContents(ofPath: path) { bytes throws(BarFileError) in
            try read(bytes: bytes, path: path)
        }
    }

    /// Reads CSV bytes held in memory; `path` is used only in errors.
    public func read(bytes: UnsafeRawBufferPointer, path: String) throws(BarFileError) -> BarSeries {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw BarFileError(
                path: path, line: 1, column: 1, kind: .empty, message: "the file is empty (no header, no bars)")
        }
        let start = base.assumingMemoryBound(to: UInt8.self)
        var parser = CSVBarParser(path: path, options: options, start: start, end: start + bytes.count)
        return try parser.parse()
    }
}
