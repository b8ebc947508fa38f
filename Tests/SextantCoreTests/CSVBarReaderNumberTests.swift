import Testing

@testable import SextantCore

/// Numbers are converted exactly as `Double(String)` converts them, on every path: Clinger's fast
/// path, the 64-bit integer path for 16–19 digit mantissas, and the `strtod` fallback.
@Suite("CSVBarReader numbers")
struct CSVBarReaderNumberTests {
    /// Inputs chosen to hit each path and its edges; the reference is `Double(String)`.
    static let spellings: [String] = [
        "0", "-0", "+0", "0.0", "-0.0", "00000", ".5", "5.", "-.5", "+1.5", "1e0", "1E5", "1e+5", "1e-5", "1.5e-3",
        "-2.5e-3", "100.34", "22351900", "0.1", "0.2", "0.3", "123456789012345678", "1234567890123456789",
        // Clinger's limits: 2^53 and a power of ten of 22.
        "9007199254740992", "9007199254740993", "9007199254740992e-22", "9007199254740992e22", "1e22", "1e23",
        "123e25", "9007199254740993e23",
        // Ties to even on the integer path (2^53 + 1 and 2^53 + 3 lie halfway between doubles).
        "9007199254740993.0", "9007199254740995", "9007199254740995.00", "4503599627370497.5", "4503599627370496.5",
        "18014398509481986", "18014398509481990", "18446744073709551615", "1844674407370955161.5",
        // 16–19 digit mantissas with small exponents (full-precision and float32-noisy prices).
        "99.90569166289761", "100.0345807200664", "0.30000000000000004", "1234.567890123456789", "9999999999999999999",
        "0.0000000000000000001", "1.7976931348623157e308", "2.2250738585072014e-308",
        // More than 19 digits: only strtod can round these.
        "1.00000000000000011102230246251565404236316680908203125",
        "0.1000000000000000055511151231257827021181583404541015625",
        "123456789012345678901234567890", "0.000000000000000000000000000001",
        // Subnormals, underflow to zero, huge exponents.
        "5e-324", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
        "-1e-400", "0e999999", "1e-99999999999",
    ]

    @Test("every spelling equals Double(String) bit for bit", arguments: spellings)
    func spelling(_ text: String) throws {
        let expected = try #require(Double(text))
        #expect(CSVBarReader.parseNumber(text)?.bitPattern == expected.bitPattern)
    }

    @Test(
        "rejected spellings",
        arguments: [
            "", "-", "+", ".", "e5", "1e", "1e+", "--1", "1..2", "1.2.3", "1,5", "nan", "NaN", "inf", "-inf",
            "infinity",
            "0x10", "0x1p3", " 1", "1 ", "1_000", "1e999", "-1e999", "1.8e308",
        ])
    func rejected(_ text: String) {
        #expect(CSVBarReader.parseNumber(text) == nil)
    }

    @Test("the shortest representation of 200,000 random doubles parses back bit for bit")
    func roundTripShortest() {
        var generator = SplitMix64(seed: 0x5E87_A471)
        var mismatches: [String] = []
        var checked = 0
        while checked < 200_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            checked += 1
            let text = "\(value)"
            if CSVBarReader.parseNumber(text)?.bitPattern != value.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("200,000 random decimal strings convert as Double(String) converts them")
    func randomDecimals() {
        var generator = SplitMix64(seed: 0xDEC1_3A15)
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...24, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            let point = Int.random(in: -1..<digits, using: &generator)
            for index in 0..<digits {
                if index == point { text += "." }
                text += String(Int.random(in: 0...9, using: &generator))
            }
            if Int.random(in: 0..<3, using: &generator) == 0 {
                text += "e\(Int.random(in: -30...30, using: &generator))"
            }
            let expected = Double(text).flatMap { $0.isFinite ? $0 : nil }
            if CSVBarReader.parseNumber(text)?.bitPattern != expected?.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("random doubles written to a CSV file read back bit for bit")
    func roundTripThroughFile() throws {
        var generator = SplitMix64(seed: 0xF11E)
        var text = "time,open,high,low,close,volume\n"
        var expected: [[Double]] = []
        for row in 0..<5_000 {
            var values: [Double] = []
            while values.count < 5 {
                let value = Double(bitPattern: generator.next())
                if value.isFinite { values.append(value) }
            }
            expected.append(values)
            text += "\(1_700_000_000 + row * 60)," + values.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        let series = try CSVTestSupport.read(text)
        #expect(series.count == expected.count)
        for (index, values) in expected.enumerated() {
            let read = [
                series.open[index], series.high[index], series.low[index], series.close[index], series.volume[index],
            ]
            #expect(read.map(\.bitPattern) == values.map(\.bitPattern), "row \(index)")
        }
    }
}
