import Testing

@testable import SextantCore

/// Malformed files, each with the exact error it must produce: line, column, kind and message text.
@Suite("CSVBarReader errors")
struct CSVBarReaderErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var kind: BarFileError.Kind
        var fragment: String
        var options = CSVBarReader.Options()
        var testDescription: String { name }

        init(
            _ name: String, _ text: String, _ line: Int, _ column: Int, _ kind: BarFileError.Kind, _ fragment: String,
            validate: Bool = false
        ) {
            self.init(name, bytes: Array(text.utf8), line, column, kind, fragment, validate: validate)
        }

        init(
            _ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ kind: BarFileError.Kind, _ fragment: String,
            validate: Bool = false
        ) {
            self.name = name
            self.bytes = bytes
            self.line = line
            self.column = column
            self.kind = kind
            self.fragment = fragment
            self.options = CSVBarReader.Options(validate: validate)
        }
    }

    static let header = CSVTestSupport.header
    static let good = "2024-01-02,1,2,0.5,1.5,10\n"

    static let cases: [Case] = [
        // Whole-file and header problems.
        Case("empty file", "", 1, 1, .empty, "the file is empty"),
        Case("only blank lines", "\n\r\n  \n", 1, 1, .empty, "the file is empty"),
        Case("only a byte-order mark", bytes: [0xEF, 0xBB, 0xBF], 1, 1, .empty, "the file is empty"),
        Case("header only", header, 2, 1, .noBars, "no bars: the header is not followed by any data row"),
        Case("header only, no newline", "time,open,high,low,close", 1, 25, .noBars, "no bars"),
        Case("no header: the first line is data", good + good, 1, 1, .header, "the first line is data, not a header"),
        Case(
            "unknown header names", "foo,bar,baz\n1,2,3\n", 1, 1, .header,
            "missing the 'time', 'open', 'high', 'low' and 'close' columns"),
        Case("missing close", "time,open,high,low,volume\n" + good, 1, 1, .header, "missing the 'close' column;"),
        Case(
            "misspelled column", "time,open,hgih,low,close\n" + good, 1, 1, .header,
            "is 'hgih' (field 3) meant to be 'high'?"),
        Case(
            "separate date and time columns", "date,time,open,high,low,close\n", 1, 6, .header,
            "the header names the time column twice: 'date' (field 1) and 'time' (field 2)"),
        Case("duplicate close", "time,open,high,low,close,Close\n", 1, 26, .header, "names the close column twice"),
        Case(
            "bare CR line endings", "time,open,high,low,close\r2024-01-02,1,2,0.5,1.5\r", 1, 25, .header,
            "bare carriage returns"),
        Case(
            "columns after a byte-order mark",
            bytes: [0xEF, 0xBB, 0xBF] + Array("time,open,high,low,close,close\n".utf8), 1,
            26, .header, "names the close column twice"),
        Case("unterminated quote in the header", "time,\"open,high\n", 1, 6, .quote, "unterminated quoted field"),
        Case(
            "10 MB header line without a comma", String(repeating: "x", count: 10 << 20) + "\n" + good, 1, 1, .header,
            "the header has 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (10485760 bytes)'"),

        // Structure of rows.
        Case(
            "missing field", header + "2024-01-02,1,2,0.5\n", 2, 19, .missingField,
            "missing the 'close' field: the row has 4 fields, the header puts 'close' in field 5"),
        Case("time only", header + good + "2024-01-03\n", 3, 11, .missingField, "missing the 'open' field"),
        Case("empty open", header + "2024-01-02,,2,0.5,1.5,10\n", 2, 12, .emptyField, "empty 'open' field"),
        Case(
            "empty volume at the line end", header + "2024-01-02,1,2,0.5,1.5,\n", 2, 24, .emptyField,
            "empty 'volume' field"),
        Case("blank number", header + "2024-01-02,1,  ,0.5,1.5,10\n", 2, 16, .emptyField, "empty 'high' field"),
        Case("empty time", header + ",1,2,0.5,1.5,10\n", 2, 1, .emptyField, "empty 'time' field"),
        Case(
            "unterminated quote in a row", header + "2024-01-02,\"1,2,0.5,1.5,10\n", 2, 12, .quote,
            "the quote opened here is never closed"),
        Case(
            "text after a closing quote", header + "2024-01-02,\"1\"x,2,0.5,1.5,10\n", 2, 15, .quote,
            "unexpected 'x' after a closing quote"),

        // Numbers.
        Case(
            "bad number", header + "2024-01-02,1,2,x,1.5,10\n", 2, 16, .invalidNumber,
            "invalid number 'x' in the 'low' field: expected a decimal number"),
        Case(
            "two decimal points", header + "2024-01-02,1.2.3,2,0.5,1.5,10\n", 2, 12, .invalidNumber,
            "invalid number '1.2.3'"),
        Case(
            "exponent without digits", header + "2024-01-02,1e,2,0.5,1.5,10\n", 2, 12, .invalidNumber,
            "invalid number '1e'"),
        Case("lone minus", header + "2024-01-02,-,2,0.5,1.5,10\n", 2, 12, .invalidNumber, "invalid number '-'"),
        Case(
            "NaN", header + "2024-01-02,1,2,0.5,NaN,10\n", 2, 20, .invalidNumber,
            "'NaN' in the 'close' field: missing and infinite values are not accepted"),
        Case(
            "infinity", header + "2024-01-02,1,-inf,0.5,1.5,10\n", 2, 14, .invalidNumber, "missing and infinite values"),
        Case("n/a", header + "2024-01-02,1,2,0.5,1.5,n/a\n", 2, 24, .invalidNumber, "missing and infinite values"),
        Case("hexadecimal", header + "2024-01-02,0x1p3,2,0.5,1.5,10\n", 2, 12, .invalidNumber, "hexadecimal numbers"),
        Case(
            "thousands separator in quotes", header + "2024-01-02,\"1,234.5\",2,0.5,1.5,10\n", 2, 13, .invalidNumber,
            "'1,234.5' in the 'open' field: thousands separators are not accepted"),
        Case(
            "decimal comma in quotes", header + "2024-01-02,\"1,5\",2,0.5,1.5,10\n", 2, 13, .invalidNumber,
            "thousands separators"),
        Case(
            "too large for a Double", header + "2024-01-02,1,1e999,0.5,1.5,10\n", 2, 14, .numberOutOfRange,
            "number '1e999' in the 'high' field is too large for a Double"),
        Case(
            "NUL byte in a number", bytes: Array((header + "2024-01-02,1").utf8) + [0] + Array("5,2,0.5,1.5,10\n".utf8),
            2, 13, .invalidCharacter, "NUL byte in the 'open' field"),
        Case(
            "non-UTF-8 byte in a number",
            bytes: Array((header + "2024-01-02,1,2,0.5,1").utf8) + [0xFF] + Array(",10\n".utf8),
            2, 21, .invalidCharacter, "byte 0xFF in the 'close' field"),
        Case(
            "non-ASCII digit (fullwidth 5)", header + "2024-01-02,1,2,0.5,1.\u{FF15},10\n", 2, 22, .invalidCharacter,
            "byte 0xEF in the 'close' field"),
        Case(
            "control character in a number", header + "2024-01-02,1\u{7}5,2,0.5,1.5,10\n", 2, 13, .invalidCharacter,
            "control character 0x07 in the 'open' field"),
        Case(
            "10 MB number on a single line",
            header + "2024-01-02,1,2,0.5,1.5," + String(repeating: "9", count: 10 << 20),
            2, 24, .invalidNumber, "in the 'volume' field is too long: 10485760 characters, at most 255"),

        // Times.
        Case(
            "duplicate time", header + good + good, 3, 1, .timeOrder,
            "duplicate time '2024-01-02': line 2 has the same time"),
        Case(
            "time out of order", header + "2024-01-03,1,2,0.5,1.5,10\n" + good, 3, 1, .timeOrder,
            "time '2024-01-02' is earlier than line 2's; times must be strictly increasing"),
        Case(
            "duplicate after a blank line names the right line", header + good + "\n\n" + good, 5, 1, .timeOrder,
            "line 2 has the same time"),
        Case(
            "the same instant in two offsets",
            header + "2024-01-02T10:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-02T12:00+02:00,1,2,0.5,1.5,10\n", 3, 1, .timeOrder, "duplicate time"),
        Case(
            "30 February", header + "2024-02-30,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "invalid time '2024-02-30': day 30 does not exist in February 2024 (29 days)"),
        Case(
            "29 February of a common year", header + "2023-02-29,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "day 29 does not exist in February 2023 (28 days)"),
        Case("month 13", header + "2024-13-01,1,2,0.5,1.5,10\n", 2, 1, .invalidTime, "month 13 does not exist"),
        Case(
            "day 0", header + "2024-01-00,1,2,0.5,1.5,10\n", 2, 1, .invalidTime, "day 0 does not exist in January 2024"),
        Case("hour 24", header + "2024-01-02T24:00,1,2,0.5,1.5,10\n", 2, 1, .invalidTime, "hour 24 does not exist"),
        Case(
            "leap second", header + "2024-01-02T23:59:60Z,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "second 60 does not exist (no leap seconds)"),
        Case(
            "offset out of range", header + "2024-01-02T10:00+24:00,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "UTC offset out of range"),
        Case(
            "slashes", header + "2024/01/02,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "invalid time '2024/01/02': expected YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]"),
        Case("US date", header + "01/02/2024,1,2,0.5,1.5,10\n", 2, 1, .invalidTime, "invalid time '01/02/2024'"),
        Case("trailing garbage", header + "2024-01-02T10:00:00ZZ,1,2,0.5,1.5,10\n", 2, 1, .invalidTime, "invalid time"),
        Case(
            "sub-second ISO time", header + "2024-01-02T10:00:00.5Z,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "is not a whole second; bars start on whole seconds"),
        Case(
            "sub-second epoch milliseconds", header + "1704153600123,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "not a whole second"),
        Case(
            "14-digit epoch", header + "17041536000000,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "has 14 digits: epoch seconds have at most 10 digits and epoch milliseconds at most 13"),
        Case(
            "compact date in the first row", header + "20240102,1,2,0.5,1.5,10\n", 2, 1, .invalidTime,
            "looks like a compact date (YYYYMMDD)"),
        Case(
            "epoch seconds after ISO dates", header + good + "1704240000,1,2,0.5,1.5,10\n", 3, 1,
            .inconsistentTimeFormat,
            "time '1704240000' is in epoch seconds, but the file's first row (line 2) uses ISO-8601 dates"),
        Case(
            "ISO after epoch seconds", header + "1704153600,1,2,0.5,1.5,10\n2024-01-03,1,2,0.5,1.5,10\n", 3, 1,
            .inconsistentTimeFormat, "is in ISO-8601 dates, but the file's first row (line 2) uses epoch seconds"),
        Case(
            "milliseconds after seconds", header + "1704153600,1,2,0.5,1.5,10\n1704240000000,1,2,0.5,1.5,10\n", 3, 1,
            .inconsistentTimeFormat, "is in epoch milliseconds"),
        Case(
            "NUL byte in a time", bytes: Array((header + "2024-01").utf8) + [0] + Array("02,1,2,0.5,1.5,10\n".utf8), 2,
            8,
            .invalidCharacter, "NUL byte in the 'time' field (is the file truncated, padded or binary?)"),
        Case(
            "a file padded with NUL bytes", bytes: Array((header + good).utf8) + [UInt8](repeating: 0, count: 4096), 3,
            1,
            .invalidCharacter, "NUL byte in the 'time' field"),

        // Positions after quoted line breaks, byte-order marks and multi-byte characters.
        Case(
            "column after a quoted line break", "time,note,open,high,low,close\n2024-01-02,\"a\nb\",1,2,x,1.5\n", 3, 8,
            .invalidNumber, "invalid number 'x' in the 'low' field"),
        Case(
            "line after a quoted line break",
            "time,note,open,high,low,close\n2024-01-02,\"a\nb\",1,2,0.5,1.5\nbad,1,2,3,4,5\n",
            4, 1, .invalidTime, "invalid time 'bad'"),
        Case(
            "columns count characters, not bytes", "time,note,open,high,low,close\n2024-01-02,Zürich €,1,2,x,1.5\n", 2,
            25,
            .invalidNumber, "'x'"),

        // validate.
        Case(
            "validate: high below low", header + "2024-01-02,1,0.5,2,1,10\n", 2, 14, .inconsistentBar,
            "high 0.5 is below low 2.0", validate: true),
        Case(
            "validate: high below close", header + "2024-01-02,1,2,0.5,2.5,10\n", 2, 14, .inconsistentBar,
            "high 2.0 is below close 2.5", validate: true),
        Case(
            "validate: low above open", header + "2024-01-02,1,2,1.5,1.75,10\n", 2, 16, .inconsistentBar,
            "low 1.5 is above open 1.0", validate: true),
        Case(
            "validate: negative volume", header + "2024-01-02,1,2,0.5,1.5,-1\n", 2, 24, .inconsistentBar,
            "volume -1.0 is negative", validate: true),
    ]

    @Test("malformed input", arguments: cases)
    func malformed(_ example: Case) throws {
        let error = try #require(CSVTestSupport.error(reading: example.bytes, options: example.options))
        #expect(error.line == example.line)
        #expect(error.column == example.column)
        #expect(error.kind == example.kind)
        #expect(error.message.contains(example.fragment), "\(error.message)")
        #expect(error.description == "test.csv:\(example.line):\(example.column): \(error.message)")
        #expect(error.message.count < 600)
    }

    @Test("errors are collected up to maxErrors, in file order, one per row")
    func collectsErrors() throws {
        let text =
            Self.header + "2024-01-02,x,y,z,1,1\n" + Self.good + "2024-01-03,1,2,0.5,bad,10\n" + "2024-01-04,1,2\n"
        let error = try #require(CSVTestSupport.error(reading: Array(text.utf8)))
        #expect(error.all.map(\.line) == [2, 3, 4, 5])
        #expect(error.all.map(\.kind) == [.invalidNumber, .timeOrder, .invalidNumber, .missingField])
        #expect(!error.isTruncated)
        #expect(error.report.split(separator: "\n").count == 4)
    }

    @Test("reading stops at maxErrors and says so")
    func stopsAtMaxErrors() throws {
        let rows = (1...9).map { "2024-01-0\($0),1,2,0.5,x,10\n" }.joined()
        let error = try #require(
            CSVTestSupport.error(reading: Array((Self.header + rows).utf8), options: CSVBarReader.Options(maxErrors: 3))
        )
        #expect(error.all.map(\.line) == [2, 3, 4])
        #expect(error.isTruncated)
        #expect(error.report.hasSuffix("test.csv: stopped after 3 errors; later lines were not checked"))
    }

    @Test("a bad row does not hide a duplicate time after it")
    func orderCheckedAcrossBadRows() throws {
        let text = Self.header + "2024-01-02,1,2,0.5,x,10\n" + Self.good
        let error = try #require(CSVTestSupport.error(reading: Array(text.utf8)))
        #expect(error.all.map(\.kind) == [.invalidNumber, .timeOrder])
    }
}
