/// A problem in a bar file, located the way compilers locate one: `path:line:column: message`.
///
/// The reader collects up to `CSVBarReader.Options.maxErrors` problems in one pass and throws the
/// first, carrying the others in `additional`; nothing is returned when there is any error, so bad
/// input can never turn into a silently shorter or shifted series.
///
/// ```
/// data/eth.csv:18:12: invalid number 'n/a' in the 'close' field
/// ```
public struct BarFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path the file was read from (as given to the reader).
    public var path: String
    /// 1-based line number; 0 when the problem concerns the whole file (it cannot be opened).
    public var line: Int
    /// 1-based column, counted in Unicode scalars like every Sextant diagnostic (docs/decisions.md D1);
    /// 0 when `line` is 0.
    public var column: Int
    /// The category, stable for tools and tests.
    public var kind: Kind
    /// What is wrong, naming the field and quoting the offending text (shortened when long).
    public var message: String
    /// The other errors of the same read, in file order (empty on the errors inside it).
    public var additional: [BarFileError]
    /// True when the reader stopped at `maxErrors` before the end of the file: more errors may follow.
    public var isTruncated: Bool

    /// Creates an error.
    public init(
        path: String, line: Int, column: Int, kind: Kind, message: String,
        additional: [BarFileError] = [], isTruncated: Bool = false
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.kind = kind
        self.message = message
        self.additional = additional
        self.isTruncated = isTruncated
    }

    /// `path:line:column: message` (`path: message` for a whole-file problem), for this error alone.
    public var description: String {
        line == 0 ? "\(path): \(message)" : "\(path):\(line):\(column): \(message)"
    }

    /// This error and the additional ones, each without further `additional` errors.
    public var all: [BarFileError] {
        var first = self
        first.additional = []
        first.isTruncated = false
        return [first] + additional
    }

    /// Every error on its own line, then a note when the reader stopped early.
    public var report: String {
        var lines = all.map(\.description)
        if isTruncated {
            lines.append("\(path): stopped after \(lines.count) errors; later lines were not checked")
        }
        return lines.joined(separator: "\n")
    }
}
