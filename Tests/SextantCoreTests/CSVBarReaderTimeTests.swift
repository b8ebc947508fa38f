import Testing

@testable import SextantCore

/// Every accepted way to write a time, with the epoch second it means (from Python's
/// `calendar.timegm` and `datetime.fromisoformat`, an independent implementation).
@Suite("CSVBarReader times")
struct CSVBarReaderTimeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var seconds: Int64
        var testDescription: String { "\(text) → \(seconds)" }
    }

    static let accepted: [Case] = [
        Case(text: "2004-08-19", seconds: 1_092_873_600),
        Case(text: "2024-01-02", seconds: 1_704_153_600),
        Case(text: "2024-02-29", seconds: 1_709_164_800),
        Case(text: "1970-01-01", seconds: 0),
        Case(text: "1969-12-31", seconds: -86_400),
        Case(text: "0001-01-01", seconds: -62_135_596_800),
        Case(text: "9999-12-31T23:59:59Z", seconds: 253_402_300_799),
        Case(text: "2024-01-02T10:30", seconds: 1_704_191_400),
        Case(text: "2024-01-02T10:30:15", seconds: 1_704_191_415),
        Case(text: "2024-01-02 10:30:15", seconds: 1_704_191_415),
        Case(text: "2024-01-02t10:30:15z", seconds: 1_704_191_415),
        Case(text: "2024-01-02T10:30:15Z", seconds: 1_704_191_415),
        Case(text: "2024-01-02T10:30Z", seconds: 1_704_191_400),
        Case(text: "2024-01-02T10:30:15.000Z", seconds: 1_704_191_415),
        Case(text: "2024-01-02T10:30:15.0", seconds: 1_704_191_415),
        Case(text: "2024-01-02T10:30:15.000000000", seconds: 1_704_191_415),
        Case(text: "2024-01-02T12:30:15+02:00", seconds: 1_704_191_415),
        Case(text: "2024-01-02T12:30:15+0200", seconds: 1_704_191_415),
        Case(text: "2024-01-02T12:30:15+02", seconds: 1_704_191_415),
        Case(text: "2024-01-02T05:00:15-05:30", seconds: 1_704_191_415),
        Case(text: "2024-01-02T10:30:15+00:00", seconds: 1_704_191_415),
        Case(text: "2024-01-02T10:30:15-00:00", seconds: 1_704_191_415),
        Case(text: "2024-01-02 12:30+02:00", seconds: 1_704_191_400),
        Case(text: "1704191415", seconds: 1_704_191_415),
        Case(text: "1000000000", seconds: 1_000_000_000),
        Case(text: "0", seconds: 0),
        Case(text: "999999999", seconds: 999_999_999),
        Case(text: "1704191415000", seconds: 1_704_191_415),
        Case(text: "946684800000", seconds: 946_684_800),
        Case(text: "17041536000", seconds: 17_041_536),
    ]

    @Test("accepted time", arguments: accepted)
    func acceptedTime(_ example: Case) throws {
        let series = try CSVTestSupport.read(CSVTestSupport.header + "\(example.text),1,2,0.5,1.5,10\n")
        #expect(series.time == [example.seconds])
    }

    @Test("a quoted or space-padded time is read like a bare one")
    func quotedTime() throws {
        let series = try CSVTestSupport.read(
            CSVTestSupport.header + "\"2024-01-02\",1,2,0.5,1.5,10\n 2024-01-03 ,1,2,0.5,1.5,10\n")
        #expect(series.time == [1_704_153_600, 1_704_240_000])
    }

    @Test("ISO dates and date-times may mix; every form of one kind may follow another")
    func mixedISOForms() throws {
        let series = try CSVTestSupport.read(
            CSVTestSupport.header + "2024-01-02,1,2,0.5,1.5,10\n2024-01-02T10:00:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-02 12:00+01:00,1,2,0.5,1.5,10\n")
        #expect(series.time == [1_704_153_600, 1_704_189_600, 1_704_193_200])
    }

    @Test("epoch milliseconds crossing from 12 to 13 digits stay one form")
    func millisecondsAcross2001() throws {
        let series = try CSVTestSupport.read(
            CSVTestSupport.header + "999999999000,1,2,0.5,1.5,10\n1000000000000,1,2,0.5,1.5,10\n")
        #expect(series.time == [999_999_999, 1_000_000_000])
    }

    @Test("days since the epoch agree with a day-by-day count over 1900–2100")
    func civilCalendar() {
        // 1900-01-01 is 25,567 days before 1970-01-01 (70 years, 17 of them leap years).
        var expected: Int64 = -25_567
        var mismatches: [String] = []
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CSVBarReader.daysIn(month: month, year: year) {
                    if CSVBarReader.daysSinceEpoch(year: year, month: month, day: day) != expected {
                        mismatches.append("\(year)-\(month)-\(day)")
                    }
                    expected += 1
                }
            }
        }
        #expect(mismatches.isEmpty)
        #expect(expected == CSVBarReader.daysSinceEpoch(year: 2101, month: 1, day: 1))
    }
}
