import Foundation
import Testing

@testable import SextantCore

/// examples/data/GOOG.csv read by the reader, against the file's own text parsed independently
/// (line splitting, `Double(String)`, Foundation's ISO-8601 formatter).
@Suite("CSVBarReader on examples/data/GOOG.csv")
struct CSVBarReaderGOOGTests {
    static let path = CSVTestSupport.root.appendingPathComponent("examples/data/GOOG.csv").path

    @Test("2,148 bars; the first and last bars exactly; 2004-08-19 is 1092873600")
    func firstAndLast() throws {
        let series = try CSVBarReader.read(path: Self.path)
        #expect(series.count == 2148)
        #expect(series.hasVolume)
        #expect(
            series.first
                == Bar(time: 1_092_873_600, open: 100, high: 104.06, low: 95.96, close: 100.34, volume: 22_351_900))
        #expect(
            series.last
                == Bar(time: 1_362_096_000, open: 797.8, high: 807.14, low: 796.15, close: 806.19, volume: 2_175_400))
        #expect(series.index(ofTime: 1_092_873_600) == 0)
        #expect(series[.close] == series.close)
        #expect(series.column(.volume).first == 22_351_900)
    }

    @Test("every value equals an independent parse of the same text, bit for bit")
    func everyValue() throws {
        let series = try CSVBarReader.read(path: Self.path)
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst()
        #expect(rows.count == series.count)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for (index, row) in rows.enumerated() {
            let fields = row.split(separator: ",").map(String.init)
            let date = try #require(formatter.date(from: fields[0]))
            #expect(series.time[index] == Int64(date.timeIntervalSince1970))
            let values = [
                series.open[index], series.high[index], series.low[index], series.close[index], series.volume[index],
            ]
            for (value, field) in zip(values, fields.dropFirst()) {
                #expect(value.bitPattern == Double(field)?.bitPattern, "line \(index + 2): \(field)")
            }
        }
    }
}
