import Foundation
import Testing

@testable import SextantCore

/// Files that must be read, in every accepted header and layout variant, each giving the same two bars.
@Suite("CSVBarReader accepted layouts")
struct CSVBarReaderFormatTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var hasVolume = true
        var testDescription: String { name }

        init(_ name: String, _ text: String, hasVolume: Bool = true) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.hasVolume = hasVolume
        }

        init(_ name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The bars every case encodes.
    static let expected = [
        Bar(time: 1_704_153_600, open: 1.5, high: 2.25, low: 1, close: 2, volume: 100),
        Bar(time: 1_704_240_000, open: 2, high: 3, low: 1.75, close: 2.5, volume: 250),
    ]

    static let cases: [Case] = [
        Case("plain", "time,open,high,low,close,volume\n2024-01-02,1.5,2.25,1,2,100\n2024-01-03,2,3,1.75,2.5,250\n"),
        Case(
            "Yahoo: Date and an ignored Adj Close",
            "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1.5,2.25,1,2,1.9,100\n"
                + "2024-01-03,2,3,1.75,2.5,2.4,250\n"),
        Case(
            "upper case, timestamp",
            "TIMESTAMP,OPEN,HIGH,LOW,CLOSE,VOLUME\n2024-01-02,1.5,2.25,1,2,100\n"
                + "2024-01-03,2,3,1.75,2.5,250\n"),
        Case(
            "datetime",
            "DateTime,open,high,low,close,volume\n2024-01-02,1.5,2.25,1,2,100\n2024-01-03,2,3,1.75,2.5,250\n"),
        Case(
            "pandas index column with an empty name",
            ",time,open,high,low,close,volume\n0,2024-01-02,1.5,2.25,1,2,100\n1,2024-01-03,2,3,1.75,2.5,250\n"),
        Case(
            "columns in another order",
            "volume,close,low,high,open,time\n100,2,1,2.25,1.5,2024-01-02\n"
                + "250,2.5,1.75,3,2,2024-01-03\n"),
        Case(
            "extra columns before, between and after",
            "symbol,time,open,spread,high,low,close,volume,trades\nX,2024-01-02,1.5,0.1,2.25,1,2,100,7\n"
                + "X,2024-01-03,2,0.1,3,1.75,2.5,250,9\n"),
        Case(
            "quoted header and fields",
            "\"time\",\"open\",\"high\",\"low\",\"close\",\"volume\"\n\"2024-01-02\",\"1.5\",\"2.25\",\"1\",\"2\",\"100\"\n"
                + "\"2024-01-03\",\"2\",\"3\",\"1.75\",\"2.5\",\"250\"\n"),
        Case(
            "spaces around names and values",
            " time , open ,high,low,close, volume\n2024-01-02 , 1.5,2.25 ,1,2,\t100\n2024-01-03,2,3,1.75,2.5,250 \n"),
        Case(
            "CRLF line endings",
            "time,open,high,low,close,volume\r\n2024-01-02,1.5,2.25,1,2,100\r\n2024-01-03,2,3,1.75,2.5,250\r\n"),
        Case(
            "no final newline",
            "time,open,high,low,close,volume\n2024-01-02,1.5,2.25,1,2,100\n2024-01-03,2,3,1.75,2.5,250"),
        Case(
            "no final CRLF",
            "time,open,high,low,close,volume\r\n2024-01-02,1.5,2.25,1,2,100\r\n2024-01-03,2,3,1.75,2.5,250\r"),
        Case(
            "blank lines before the header, between rows and at the end",
            "\n\ntime,open,high,low,close,volume\n\n2024-01-02,1.5,2.25,1,2,100\n   \n\r\n2024-01-03,2,3,1.75,2.5,250\n\n\n"
        ),
        Case(
            "UTF-8 byte-order mark",
            bytes: [0xEF, 0xBB, 0xBF]
                + Array(
                    "time,open,high,low,close,volume\n2024-01-02,1.5,2.25,1,2,100\n2024-01-03,2,3,1.75,2.5,250\n".utf8)),
        Case(
            "extra fields beyond the header are ignored",
            "time,open,high,low,close,volume\n2024-01-02,1.5,2.25,1,2,100,extra\n2024-01-03,2,3,1.75,2.5,250,,\n"),
        Case(
            "a short row is fine when only ignored columns are missing",
            "time,open,high,low,close,volume,note\n2024-01-02,1.5,2.25,1,2,100\n2024-01-03,2,3,1.75,2.5,250,x\n"),
        Case(
            "quoted ignored fields with commas, quotes and line breaks",
            "time,note,open,high,low,close,volume,tail\n2024-01-02,\"a, \"\"b\"\"\nc\",1.5,2.25,1,2,100,\"x\ny\"\n"
                + "2024-01-03,,2,3,1.75,2.5,250,\n"),
        Case(
            "non-UTF-8 and NUL bytes in an ignored column",
            bytes: Array("time,note,open,high,low,close,volume\n2024-01-02,".utf8) + [0xFF, 0x00, 0xC3]
                + Array(",1.5,2.25,1,2,100\n2024-01-03,ok,2,3,1.75,2.5,250\n".utf8)),
        Case(
            "number spellings",
            "time,open,high,low,close,volume\n2024-01-02,+1.5,2.250,1.,.2e1,1e2\n"
                + "2024-01-03,2.0E0,3,17.5e-1,0025e-1,250.000\n"),
        Case(
            "epoch seconds",
            "time,open,high,low,close,volume\n1704153600,1.5,2.25,1,2,100\n1704240000,2,3,1.75,2.5,250\n"),
        Case(
            "epoch milliseconds",
            "time,open,high,low,close,volume\n1704153600000,1.5,2.25,1,2,100\n1704240000000,2,3,1.75,2.5,250\n"),
    ]

    @Test("accepted layout", arguments: cases)
    func acceptedLayout(_ example: Case) throws {
        let series = try CSVTestSupport.read(bytes: example.bytes)
        #expect(Array(series) == Self.expected)
        #expect(series.hasVolume == example.hasVolume)
    }

    @Test("without a volume column, volume is unknown (NaN), not zero")
    func noVolume() throws {
        let series = try CSVTestSupport.read(
            "date,open,high,low,close\n2024-01-02,1.5,2.25,1,2\n2024-01-03,2,3,1.75,2.5\n")
        #expect(!series.hasVolume)
        #expect(series.volume.count == 2 && series.volume.allSatisfy(\.isNaN))
        #expect(series.close == [2, 2.5])
    }

    @Test("validate accepts consistent bars and equal prices")
    func validateAcceptsConsistentBars() throws {
        let options = CSVBarReader.Options(validate: true)
        let series = try CSVTestSupport.read(
            CSVTestSupport.header + "2024-01-02,1,1,1,1,0\n2024-01-03,1,2,0.5,1.5,10\n", options: options)
        #expect(series.count == 2)
    }

    @Test("without validate, a bar whose high is below its low is read as it is")
    func noValidationByDefault() throws {
        let series = try CSVTestSupport.read(CSVTestSupport.header + "2024-01-02,1,0.5,2,1,-5\n")
        #expect(series.first == Bar(time: 1_704_153_600, open: 1, high: 0.5, low: 2, close: 1, volume: -5))
    }

    @Test("a file on disk, a path that does not exist, a directory")
    func files() throws {
        let path = try CSVTestSupport.temporaryFile(
            CSVTestSupport.header + "2024-01-02,1,2,0.5,1.5,10\n", name: "one.csv")
        #expect(try CSVBarReader.read(path: path).count == 1)
        #expect(throws: BarFileError.self) { try CSVBarReader.read(path: path + ".missing") }
        do {
            _ = try CSVBarReader.read(path: path + ".missing")
        } catch {
            #expect(error.kind == .unreadable && error.line == 0)
            #expect(error.description == "\(path).missing: cannot open the file: No such file or directory")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            _ = try CSVBarReader.read(path: directory)
            Issue.record("a directory was read")
        } catch {
            #expect(error.description == "\(directory): is a directory")
        }
        let empty = try CSVTestSupport.temporaryFile("", name: "empty.csv")
        do {
            _ = try CSVBarReader.read(path: empty)
            Issue.record("an empty file was read")
        } catch {
            #expect(error.description == "\(empty):1:1: the file is empty (no header, no bars)")
        }
    }
}
