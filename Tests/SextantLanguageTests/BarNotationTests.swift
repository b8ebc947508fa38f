import Foundation
import SextantLanguage
import Testing

/// A notation and the values it must expand to (nil for a missing value).
struct NotationCase: CustomTestStringConvertible, Sendable {
    var text: String
    var values: [Double?]
    var testDescription: String { "\"\(text)\"" }

    init(_ text: String, _ values: [Double?]) {
        self.text = text
        self.values = values
    }
}

/// A malformed notation: the message (a fragment of it), the bytes it points at, the suggestion.
struct NotationErrorCase: CustomTestStringConvertible, Sendable {
    var text: String
    var message: String
    var range: Range<Int>
    var suggestion: String?
    var testDescription: String { "\"\(text)\"" }

    init(_ text: String, _ message: String, _ range: Range<Int>, suggestion: String? = nil) {
        self.text = text
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }
}

// The counts are promtool's (Prometheus docs/configuration/unit_testing_rules.md, whose examples are
// the first rows): `a+bxn` and `axn` are n + 1 values, `_xn` is n missing values.
let notationCases: [NotationCase] = [
    NotationCase("-2+4x3", [-2, 2, 6, 10]),
    NotationCase(" 1-2x4", [1, -1, -3, -5, -7]),
    NotationCase("1x4", [1, 1, 1, 1, 1]),
    NotationCase("1 _x3 2", [1, nil, nil, nil, 2]),
    NotationCase("100+1x30", (100...130).map(Double.init)),
    NotationCase("50x300", [Double?](repeating: 50, count: 301)),
    NotationCase("130-2x5", [130, 128, 126, 124, 122, 120]),
    NotationCase("10+1x2 20-1x2", [10, 11, 12, 20, 19, 18]),
    NotationCase("10 na 12", [10, nil, 12]),
    NotationCase("nax2 _", [nil, nil, nil]),
    NotationCase("_", [nil]),
    NotationCase("1x0", [1]),
    NotationCase("_x0 5", [5]),
    NotationCase("1.5e2+2.5x2", [150, 152.5, 155]),
    NotationCase("\t7  8 ", [7, 8]),
    NotationCase(".5 +3 -0.25 2.", [0.5, 3, -0.25, 2]),
    NotationCase("1e-3x1", [0.001, 0.001]),
]

let notationErrorCases: [NotationErrorCase] = [
    NotationErrorCase(
        "100+1", "an increment needs a count", 0..<5, suggestion: "e.g. `100+1x10` is 100 and ten more values"),
    NotationErrorCase("100x", "the count after `x` in `100x` must be a whole number", 3..<4),
    NotationErrorCase("100x2.5", "the count after `x` in `100x2.5` must be a whole number", 4..<7),
    NotationErrorCase("1 abc 2", "`abc` is not a number, `_` or `na`", 2..<5),
    NotationErrorCase(
        "_+1x3", "a missing value cannot increase or decrease", 0..<5, suggestion: "write `_x3` for 3 missing values"),
    NotationErrorCase(
        "1,2,3", "unexpected `,2,3` in `1,2,3`", 1..<5,
        suggestion: "separate values with spaces (`1 2 3`), or write a YAML list (`[1, 2, 3]`)"),
    NotationErrorCase("1 NaN", "`NaN` is not a number", 2..<5, suggestion: "write `_` or `na` for a missing value"),
    NotationErrorCase(
        "1 2 stale", "`stale` is not a number", 4..<9, suggestion: "write `_` or `na` for a missing value"),
    NotationErrorCase("10+x3", "expected a number after `+` in `10+x3`", 0..<5),
    NotationErrorCase("1 x3", "`x3` is not a number", 2..<4),
    NotationErrorCase("7x100001", "`7x100001` expands to more than 100,000 bars", 2..<8),
    NotationErrorCase("1x60000 2x60000", "the notation expands to more than 100,000 bars", 8..<15),
    NotationErrorCase("10 20-1x3y", "the count after `x` in `20-1x3y` must be a whole number", 8..<10),
    NotationErrorCase("1 2e999", "`2e999` is too large for a number", 2..<7),
    NotationErrorCase("1+1e999x2", "`1e999` is too large for a number", 2..<7),
]

@Suite struct BarNotationTests {
    @Test(arguments: notationCases)
    func expands(_ testCase: NotationCase) {
        let expansion = BarNotation.expand(testCase.text)
        #expect(expansion.errors.isEmpty, "\(expansion.errors)")
        #expect(expansion.values.count == testCase.values.count)
        for (got, expected) in zip(expansion.values, testCase.values) {
            if let expected {
                #expect(got == expected)
            } else {
                #expect(got.isNaN)
            }
        }
    }

    @Test(arguments: notationErrorCases)
    func reportsLocatedErrors(_ testCase: NotationErrorCase) throws {
        let expansion = BarNotation.expand(testCase.text)
        #expect(expansion.values.isEmpty)
        let error = try #require(expansion.errors.first)
        #expect(error.message.contains(testCase.message), "\(error.message)")
        #expect(error.range == testCase.range)
        if let suggestion = testCase.suggestion { #expect(error.suggestion == suggestion) }
    }

    /// Each value is `a + i·b`, not a running sum: `0+0.1x10` ends at exactly 1.
    @Test func valuesAreNotAccumulated() {
        #expect(BarNotation.expand("0+0.1x10").values.last == 1)
    }

    @Test func everyBadItemIsReported() {
        let errors = BarNotation.expand("1o0 2 3x _+2x1").errors
        #expect(errors.map(\.range) == [1..<3, 7..<8, 9..<14])
    }

    /// The notation's regular expression in the JSON Schema golden file.
    static func schemaPattern() throws -> NSRegularExpression {
        let url = Fixtures.root.appendingPathComponent("Tests/SextantLanguageTests/Golden/schema/sextant.schema.json")
        let schema = try String(contentsOf: url, encoding: .utf8)
        let marker = "\"pattern\": \"^[ \\\\t]*((_|na)"
        let start = try #require(schema.range(of: marker))
        let line = schema[start.lowerBound...].prefix { $0 != "\n" }
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data("{\(line)}".utf8)) as? [String: String])
        return try NSRegularExpression(pattern: try #require(object["pattern"]))
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The JSON Schema's pattern (what editors check as it is typed) accepts exactly what the loader
    /// expands (bar counts aside).
    @Test func schemaPatternAgreesWithTheParser() throws {
        let regex = try Self.schemaPattern()
        let counted = ["7x100001", "1x60000 2x60000", "1 2e999", "1+1e999x2"]
        for text in notationCases.map(\.text) + notationErrorCases.map(\.text) where !counted.contains(text) {
            #expect(Self.matches(regex, text) == BarNotation.expand(text).errors.isEmpty, "\(text)")
        }
    }

    /// Random texts over the notation's characters: the parser never traps, reports errors exactly
    /// when the schema's pattern refuses, and expands to values only without errors.
    @Test func randomTextsAgreeWithThePattern() throws {
        let regex = try Self.schemaPattern()
        let alphabet = Array("0123456789+-.xe_na \t,5")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            // SplitMix64: seeded, so a failure reproduces.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<5_000 {
            let length = Int(next() % 12) + 1
            let text = String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
            let expansion = BarNotation.expand(text)
            // Magnitudes are what a regular expression cannot bound: a count past the limit, a number
            // past Double's range.
            let magnitude = expansion.errors.allSatisfy {
                $0.message.contains("is too large") || $0.message.contains("more than 100,000 bars")
            }
            guard expansion.errors.isEmpty || !magnitude else { continue }
            #expect(Self.matches(regex, text) == expansion.errors.isEmpty, "\"\(text)\"")
            #expect(expansion.errors.isEmpty || expansion.values.isEmpty)
            for error in expansion.errors { #expect(error.range.upperBound <= text.utf8.count) }
        }
    }
}
