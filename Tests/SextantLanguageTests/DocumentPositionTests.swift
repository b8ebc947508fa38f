import Foundation
import SextantLanguage
import Testing

/// One expression written in one YAML scalar style, with hand-counted file positions of some of
/// its value's bytes.
struct ScalarPositionCase: CustomTestStringConvertible, Sendable {
    var name: String
    /// A strategy (or risk) file whose field at `path` holds the expression.
    var yaml: String
    var path: String
    /// The value YAML reads.
    var value: String
    /// Tokens of the value (first occurrence; `#n` picks the n-th byte instead) and where they are.
    var positions: [(token: String, at: String)]
    var testDescription: String { name }
}

private let header = "kind: strategy\nname: t\nentry:\n"

let scalarPositionCases: [ScalarPositionCase] = [
    ScalarPositionCase(
        name: "plain", yaml: header + "  long: sma(close, 10) > open\n", path: "entry.long",
        value: "sma(close, 10) > open", positions: [("sma", "4:9"), ("10", "4:20"), ("open", "4:26")]),
    ScalarPositionCase(
        name: "plain folded over two lines", yaml: header + "  long: crosses_above(fast,\n    slow) and close > open\n",
        path: "entry.long", value: "crosses_above(fast, slow) and close > open",
        positions: [("fast", "4:23"), ("#19", "4:28"), ("slow", "5:5"), ("open", "5:23")]),
    ScalarPositionCase(
        name: "plain with a blank line", yaml: header + "  long: close > open\n\n    and high > low\n",
        path: "entry.long",
        value: "close > open\nand high > low", positions: [("#12", "5:1"), ("and", "6:5"), ("low", "6:16")]),
    ScalarPositionCase(
        name: "plain with trailing blanks and a comment", yaml: header + "  long: close >   \n    open   # why\n",
        path: "entry.long", value: "close > open", positions: [("#7", "4:19"), ("open", "5:5")]),
    ScalarPositionCase(
        name: "plain after a tab", yaml: header + "  long:\tclose > open\n", path: "entry.long", value: "close > open",
        positions: [("close", "4:9"), ("open", "4:17")]),
    ScalarPositionCase(
        name: "plain with # inside a word", yaml: header + "  long: a#b > 1\n", path: "entry.long", value: "a#b > 1",
        positions: [("b", "4:11"), ("1", "4:15")]),
    ScalarPositionCase(
        name: "plain after non-ASCII text", yaml: header + "  long: prix_é > x\n", path: "entry.long",
        value: "prix_é > x",
        positions: [("é", "4:14"), ("#10", "4:18")]),
    ScalarPositionCase(
        name: "plain with CRLF line ends",
        yaml: "kind: strategy\r\nname: t\r\nentry:\r\n  long: close >\r\n    open\r\n",
        path: "entry.long", value: "close > open", positions: [("#7", "4:16"), ("open", "5:5")]),
    ScalarPositionCase(
        name: "single-quoted with ''", yaml: header + "  long: 'close > open and ''x'' == 1'\n", path: "entry.long",
        value: "close > open and 'x' == 1",
        positions: [("close", "4:10"), ("'", "4:27"), ("x", "4:29"), ("==", "4:33")]),
    ScalarPositionCase(
        name: "single-quoted over two lines", yaml: header + "  long: 'close > open\n    and high > low'\n",
        path: "entry.long",
        value: "close > open and high > low", positions: [("#12", "4:22"), ("and", "5:5"), ("low", "5:16")]),
    ScalarPositionCase(
        name: "double-quoted with escapes",
        yaml: header + #"  long: "close\t> open and \"x\" == \u00e9 + \x41""# + "\n", path: "entry.long",
        value: "close\t> open and \"x\" == é + A",
        positions: [
            ("\t", "4:15"), (">", "4:17"), ("open", "4:19"), ("\"", "4:28"), ("x", "4:30"), ("==", "4:34"),
            ("é", "4:37"),
            ("+", "4:44"), ("A", "4:46"),
        ]),
    ScalarPositionCase(
        name: "double-quoted with an escaped line break",
        yaml: header + "  long: \"close > open and \\\n    high > low\"\n",
        path: "entry.long", value: "close > open and high > low", positions: [("and", "4:23"), ("high", "5:5")]),
    ScalarPositionCase(
        name: "double-quoted folded", yaml: header + "  long: \"close > open\n    and high > low\"\n",
        path: "entry.long",
        value: "close > open and high > low", positions: [("#12", "4:22"), ("and", "5:5")]),
    ScalarPositionCase(
        name: "literal block", yaml: header + "  long: |\n    close > open\n    and high > low\n", path: "entry.long",
        value: "close > open\nand high > low\n",
        positions: [("close", "5:5"), ("#12", "5:17"), ("and", "6:5"), ("#27", "6:19")]),
    ScalarPositionCase(
        name: "folded block", yaml: header + "  long: >\n    close > open\n    and high > low\n", path: "entry.long",
        value: "close > open and high > low\n", positions: [("close", "5:5"), ("#12", "5:17"), ("and", "6:5")]),
    ScalarPositionCase(
        name: "literal block with indentation indicator and strip", yaml: header + "  long: |2-\n     close > open\n",
        path: "entry.long", value: " close > open", positions: [("#0", "5:5"), ("close", "5:6"), ("open", "5:14")]),
    ScalarPositionCase(
        name: "folded block, keep, more-indented line",
        yaml: header + "  long: >+\n    close > open\n      and high > low\n    or x\n\n", path: "entry.long",
        value: "close > open\n  and high > low\nor x\n\n",
        positions: [("#12", "5:17"), ("and", "6:7"), ("or", "7:5"), ("#34", "7:9"), ("#35", "8:1")]),
    ScalarPositionCase(
        name: "anchored literal block", yaml: header + "  long: &a |\n    close > open\n", path: "entry.long",
        value: "close > open\n", positions: [("close", "5:5")]),
    ScalarPositionCase(
        name: "flow mapping", yaml: "kind: strategy\nname: t\nentry: {long: close > open, short: 'a, b'}\n",
        path: "entry.long",
        value: "close > open", positions: [("close", "3:15"), ("open", "3:23")]),
    ScalarPositionCase(
        name: "quoted in a flow mapping", yaml: "kind: strategy\nname: t\nentry: {long: close > open, short: 'a, b'}\n",
        path: "entry.short", value: "a, b", positions: [("a", "3:37"), ("b", "3:40")]),
    ScalarPositionCase(
        name: "plain folded inside a flow mapping", yaml: "kind: strategy\nname: t\nentry: {long: close >\n    open}\n",
        path: "entry.long", value: "close > open", positions: [("#7", "3:22"), ("open", "4:5")]),
    ScalarPositionCase(
        name: "alias maps to its anchor", yaml: header + "  long: &sig close > open\n  short: *sig\n",
        path: "entry.short",
        value: "close > open", positions: [("close", "4:14"), ("open", "4:22")]),
    ScalarPositionCase(
        name: "folded block in a list item",
        yaml:
            "kind: risk\nname: r\ncircuit_breakers:\n  - when: >-\n      drawdown > 10%\n      and day_pnl < 0\n    action: flatten\n",
        path: "circuit_breakers[0].when", value: "drawdown > 10% and day_pnl < 0",
        positions: [("drawdown", "5:7"), ("#14", "5:21"), ("day_pnl", "6:11")]),
    ScalarPositionCase(
        name: "number scalar as expression", yaml: "kind: risk\nname: r\nlimits:\n  max_open_positions: 10\n",
        path: "limits.max_open_positions", value: "10", positions: [("10", "4:23")]),
]

@Suite struct DocumentPositionTests {
    @Test(arguments: scalarPositionCases)
    func valueBytesMapToTheFile(_ testCase: ScalarPositionCase) throws {
        let (document, diagnostics) = DocumentTests.load(testCase.yaml)
        #expect(diagnostics.isEmpty, "\(DocumentTests.describe(diagnostics))")
        let field = try #require(Self.field(testCase.path, in: document))
        #expect(field.source.text == testCase.value)
        for (token, expected) in testCase.positions {
            let actual: String?
            if token.hasPrefix("#"), let offset = Int(token.dropFirst()) {
                actual = DocumentTests.position(of: offset, in: field)
            } else {
                actual = DocumentTests.position(of: token, in: field)
            }
            #expect(actual == expected, "`\(token)`")
        }
        Self.expectConsistentMap(field)
    }

    /// Every value byte maps into the file, in order, onto the same byte or onto the line break
    /// or escape that produced it.
    static func expectConsistentMap(_ field: ExpressionField, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        let value = Array(field.source.text.utf8)
        let file = field.source.file.utf8
        var previous = -1
        for (index, byte) in value.enumerated() {
            let offset = field.source.fileOffset(index)
            #expect(
                offset >= previous && offset < file.count, "byte \(index) maps to \(offset)",
                sourceLocation: sourceLocation)
            guard offset < file.count else { return }
            let origin = file[offset]
            let produced =
                origin == UInt8(ascii: "\n") || origin == UInt8(ascii: "\r") || origin == UInt8(ascii: "\\")
                || origin == UInt8(ascii: "'") || byte >= 0x80
            #expect(
                origin == byte || produced, "byte \(index) `\(UnicodeScalar(byte))` maps to `\(UnicodeScalar(origin))`",
                sourceLocation: sourceLocation)
            previous = offset
        }
    }

    static func field(_ path: String, in document: Document?) -> ExpressionField? {
        switch document {
        case .strategy(let strategy):
            let fields = [strategy.entry.long, strategy.entry.short].compactMap { $0 }
            return fields.first { $0.path == path }
        case .risk(let risk):
            return (risk.circuitBreakers.map(\.when) + risk.limits.map(\.value)).first { $0.path == path }
        default:
            return nil
        }
    }

    @Test func byteOrderMarkCountsAsAColumnOnTheFirstLine() throws {
        // In memory the BOM is text (libyaml counts it as a column); read from bytes it is dropped.
        let yaml = "\u{FEFF}name: t\nkind: strategy\n"
        let (inMemory, memoryDiagnostics) = DocumentTests.load(yaml)
        #expect(memoryDiagnostics.isEmpty)
        guard case .strategy(let fromText) = inMemory else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(fromText.name.span.start.description == "1:8")
        let (fromBytes, byteDiagnostics) = DocumentTests.load(bytes: Array(yaml.utf8))
        #expect(byteDiagnostics.isEmpty)
        guard case .strategy(let stripped) = fromBytes else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(stripped.name.span.start.description == "1:7")
    }

    @Test func windowsLineEndingsGiveTheSamePositions() throws {
        let unix = try DocumentTests.strategy(DocumentExampleTests.strategy)
        let windows = try DocumentTests.strategy(
            DocumentExampleTests.strategy.replacingOccurrences(of: "\n", with: "\r\n"))
        let pairs = [
            (unix.entry.long, windows.entry.long), (unix.size, windows.size),
            (unix.risk.cooldown, windows.risk.cooldown),
            (unix.params.last?.value, windows.params.last?.value),
        ]
        for (lf, crlf) in pairs {
            let lf = try #require(lf)
            let crlf = try #require(crlf)
            #expect(lf.source.text == crlf.source.text)
            #expect(lf.source.wholeSpan.start == crlf.source.wholeSpan.start)
            #expect(lf.source.wholeSpan.end == crlf.source.wholeSpan.end)
        }
    }

    @Test func keySpansAndPathsOfNestedFields() throws {
        let strategy = try DocumentTests.strategy(
            """
            kind: strategy
            name: t
            stops:
              max_bars: 30
            tests:
              - name: x
                bars:
                  close: [1, 2]
                expect:
                  entry.long: [1]
            entry:
              long: close > 1
            """)
        let maxBars = try #require(strategy.stops.maxBars)
        #expect(maxBars.path == "stops.max_bars")
        #expect(maxBars.keySpan.start.description == "4:3")
        #expect(maxBars.keySpan.text == "max_bars")
        #expect(maxBars.source.wholeSpan.start.description == "4:13")
        let test = try #require(strategy.tests.first)
        #expect(test.bars[0].field.span.start.description == "8:7")
        #expect(test.bars[0].values.span.start.description == "8:14")
        #expect(test.expect[0].bars.span.start.description == "10:19")
        #expect(test.span.start.description == "6:5")
    }
}
