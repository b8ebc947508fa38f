import SextantLanguage
import Testing

/// A file and exactly the diagnostics it must produce, as `ID line:column` in file order.
struct DocumentErrorCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ yaml: String, _ expected: [String]) {
        self.name = name
        self.yaml = yaml
        self.expected = expected
    }
}

private let header = "kind: strategy\nname: t\nentry:\n"
private let engine = "kind: engine\nstrategies: [a.yaml]\n"
private let withTest = "kind: strategy\nname: t\nparams: {fast: 3}\nentry:\n  long: close > 1\ntests:\n  - name: x\n"

let documentErrorCases: [DocumentErrorCase] = [
    // E0101: YAML syntax, at libyaml's mark.
    DocumentErrorCase("colon inside an expression", header + "  long: close > open: 1\n", ["E0101 4:21"]),
    DocumentErrorCase(
        "unterminated quote points at the quote", header + "  long: \"close > open\nexit:\n  long: x\n", ["E0101 4:9"]),
    DocumentErrorCase(
        "unclosed flow list", "kind: strategy\nname: t\nsymbols: [GOOG, MSFT\nentry:\n  long: x\n", ["E0101 4:6"]),
    DocumentErrorCase("undefined alias", header + "  long: *signal\n", ["E0101 4:9"]),
    DocumentErrorCase("unknown escape", header + "  long: \"a \\q\"\n", ["E0101 4:12"]),
    DocumentErrorCase("character that cannot start a value", header + "  long: @x\n", ["E0101 4:9"]),
    DocumentErrorCase(
        "key indented deeper than its siblings", header + "  long: close\n   short: open\n", ["E0101 5:4"]),
    DocumentErrorCase("line separator character", "kind: strategy\nname: t\ndescription: a\u{2028}b\n", ["E0101 3:15"]),
    DocumentErrorCase("lone carriage return", "kind: strategy\nname: t\r\r\n", ["E0101 2:8"]),
    // E0102: tabs, at the tab; the rest is still loaded.
    DocumentErrorCase("tab indentation", header + "\tlong: close > open\n", ["E0102 4:1"]),
    DocumentErrorCase(
        "tab after a list dash", "kind: risk\nname: r\ncircuit_breakers:\n  -\twhen: x\n    action: flatten\n",
        ["E0102 4:4"]),
    DocumentErrorCase("tab on a blank line", header + "  long: x\n\t\n", ["E0102 5:1"]),
    DocumentErrorCase(
        "tabs and a later error", header + "\tlong: x\n\tshort: y\nexit: 5\n", ["E0102 4:1", "E0102 5:1", "E0106 6:7"]),
    // E0103: duplicate keys, at the second occurrence.
    DocumentErrorCase("duplicate top-level key", "kind: strategy\nname: a\nname: b\n", ["E0103 3:1"]),
    DocumentErrorCase("duplicate nested key", header + "  long: a\n  long: b\n", ["E0103 5:3"]),
    DocumentErrorCase(
        "duplicate key in a flow mapping", "kind: strategy\nname: t\nentry: {long: a, short: b, long: c}\n",
        ["E0103 3:28"]),
    DocumentErrorCase(
        "key written three times", header + "  long: a\n  long: b\n  long: c\n", ["E0103 5:3", "E0103 6:3"]),
    DocumentErrorCase("quoted and plain duplicate", header + "  long: a\n  \"long\": b\n", ["E0103 5:3"]),
    DocumentErrorCase(
        "duplicates in two mappings", "kind: strategy\nname: a\nname: b\nentry:\n  long: a\n  long: b\n",
        ["E0103 3:1", "E0103 6:3"]),
    DocumentErrorCase(
        "duplicate in a list item",
        "kind: risk\nname: r\ncircuit_breakers:\n  - when: a\n    when: b\n    action: flatten\n",
        ["E0103 5:5"]),
    DocumentErrorCase(
        "duplicate and an unknown key later", "kind: strategy\nname: a\nname: b\nentri: {}\n",
        ["E0103 3:1", "E0104 4:1"]),
    // E0104: unknown keys, at the key.
    DocumentErrorCase("unknown top-level key", "kind: strategy\nname: t\nentri:\n  long: x\n", ["E0104 3:1"]),
    DocumentErrorCase("unknown nested key", header + "  lng: x\n", ["E0104 4:3"]),
    DocumentErrorCase("secret in a venue", engine + "venue: {adapter: paper, api_key: abc}\n", ["E0104 3:25"]),
    DocumentErrorCase("password at the top", "kind: risk\nname: r\npassword: x\n", ["E0104 3:1"]),
    DocumentErrorCase("merge key", header + "  <<: {long: x}\n", ["E0104 4:3"]),
    DocumentErrorCase("unknown risk limit", "kind: risk\nname: r\nlimits:\n  max_leverage: 3\n", ["E0104 4:3"]),
    DocumentErrorCase(
        "unknown bar column", withTest + "    bars: {closee: [1]}\n    expect: {entry.long: [0]}\n", ["E0104 8:12"]),
    // E0105: missing keys, at the key that opens the section.
    DocumentErrorCase("missing name", "kind: strategy\nentry:\n  long: x\n", ["E0105 1:1"]),
    DocumentErrorCase("missing kind", "name: t\n", ["E0105 1:1"]),
    DocumentErrorCase("missing venue adapter", engine + "venue: {cash: 10}\n", ["E0105 3:1"]),
    DocumentErrorCase(
        "missing test sections", "kind: strategy\nname: t\ntests:\n  - name: x\n", ["E0105 4:5", "E0105 4:5"]),
    DocumentErrorCase("csv feed without a path", engine + "data: {feed: csv}\n", ["E0105 3:14"]),
    DocumentErrorCase("engine without strategies", "kind: engine\n", ["E0105 1:1"]),
    DocumentErrorCase(
        "circuit breaker without action", "kind: risk\nname: r\ncircuit_breakers:\n  - when: x\n", ["E0105 4:5"]),
    // E0106: wrong node kinds.
    DocumentErrorCase("entry is a list", "kind: strategy\nname: t\nentry: [x]\n", ["E0106 3:8"]),
    DocumentErrorCase("symbols is a number", "kind: strategy\nname: t\nsymbols: 5\n", ["E0106 3:10"]),
    DocumentErrorCase("empty expression", header + "  long:\n", ["E0106 4:3"]),
    DocumentErrorCase("expression is a mapping", header + "  long:\n    x: y\n", ["E0106 5:5"]),
    DocumentErrorCase("top-level list", "- a\n- b\n", ["E0106 1:1"]),
    DocumentErrorCase("top-level scalar", "just a sentence\n", ["E0106 1:1"]),
    DocumentErrorCase("complex key", "kind: strategy\nname: t\n? a\n: b\n", ["E0106 3:1"]),
    DocumentErrorCase("alias as a key", "kind: strategy\nname: &n t\n*n : x\n", ["E0106 3:1"]),
    DocumentErrorCase("flow list as a key", "kind: strategy\nname: t\n[a, b]: c\n", ["E0106 3:1"]),
    DocumentErrorCase("empty kind", "kind:\nname: t\n", ["E0106 1:1"]),
    // E0107: values of the wrong form.
    DocumentErrorCase("bad timeframe", "kind: strategy\nname: t\ntimeframe: 1x\n", ["E0107 3:12"]),
    DocumentErrorCase("misspelt fill", "kind: strategy\nname: t\norders: {fill: next_opn}\n", ["E0107 3:16"]),
    DocumentErrorCase("zero pyramiding", "kind: strategy\nname: t\norders: {pyramiding: 0}\n", ["E0107 3:22"]),
    DocumentErrorCase(
        "word in a range", "kind: strategy\nname: t\nparams:\n  fast: {value: 10, range: [five, 50, 5]}\n",
        ["E0107 4:29"]),
    DocumentErrorCase(
        "range of two", "kind: strategy\nname: t\nparams:\n  fast: {value: 10, range: [5, 50]}\n", ["E0107 4:28"]),
    DocumentErrorCase("cash is a word", engine + "venue: {adapter: paper, cash: lots}\n", ["E0107 3:31"]),
    DocumentErrorCase("cash is quoted", engine + "venue: {adapter: paper, cash: \"100\"}\n", ["E0107 3:31"]),
    DocumentErrorCase("negative commission", engine + "venue: {adapter: paper, commission: -1%}\n", ["E0107 3:37"]),
    DocumentErrorCase("watch is yes", engine + "watch: yes\n", ["E0107 3:8"]),
    DocumentErrorCase(
        "credentials that look like a key", engine + "venue: {adapter: binance, credentials: sk live 123}\n",
        ["E0107 3:40"]),
    DocumentErrorCase("unknown store", engine + "store: mysql://x\n", ["E0107 3:8"]),
    DocumentErrorCase("no strategies", "kind: engine\nstrategies: []\n", ["E0107 2:13"]),
    DocumentErrorCase(
        "word among bar values", withTest + "    bars: {close: [1, x]}\n    expect: {entry.long: [0]}\n", ["E0107 8:23"]
    ),
    DocumentErrorCase("param name with a dash", "kind: strategy\nname: t\nparams:\n  fast-ma: 3\n", ["E0107 4:3"]),
    DocumentErrorCase("name with a space", "kind: strategy\nname: my strategy\n", ["E0107 2:7"]),
    DocumentErrorCase(
        "bad signal path", withTest + "    bars: {close: [1]}\n    expect: {entry.lng: [0]}\n", ["E0107 9:14"]),
    // E0108: unknown kind.
    DocumentErrorCase("misspelt kind", "kind: stratgy\nname: t\n", ["E0108 1:7"]),
    DocumentErrorCase("capitalised kind", "kind: Strategy\n", ["E0108 1:7"]),
    // E0109: not text.
    DocumentErrorCase("NUL byte", "kind: strategy\nname: t\u{0}\n", ["E0109 2:8"]),
    DocumentErrorCase("control character", "kind: strategy\nname: t\u{7}\n", ["E0109 2:8"]),
    // E0112: no document.
    DocumentErrorCase("empty file", "", ["E0112 1:1"]),
    DocumentErrorCase("only comments", "# only\n# comments\n", ["E0112 1:1"]),
    DocumentErrorCase("only a document marker", "---\n", ["E0112 1:1"]),
    // E0114: several documents, at the marker; the first is still loaded.
    DocumentErrorCase("two documents", "kind: strategy\nname: t\n---\nkind: risk\n", ["E0114 3:1"]),
    DocumentErrorCase("text after a document end", "kind: strategy\nname: t\n...\nfoo\n", ["E0114 4:1"]),
    // E0504: inline tests.
    DocumentErrorCase(
        "columns of different lengths",
        withTest + "    bars: {close: [1, 2, 3], open: [1, 2]}\n    expect: {entry.long: [0]}\n",
        ["E0504 8:36"]),
    DocumentErrorCase(
        "expected bar past the end", withTest + "    bars: {close: [1, 2, 3]}\n    expect: {entry.long: [5]}\n",
        ["E0504 9:27"]),
    DocumentErrorCase(
        "unknown param override",
        withTest + "    bars: {close: [1]}\n    params: {fsat: 2}\n    expect: {entry.long: [0]}\n",
        ["E0504 9:14"]),
    DocumentErrorCase(
        "undefined signal", withTest + "    bars: {close: [1]}\n    expect: {exit.long: [0]}\n", ["E0504 9:14"]),
    DocumentErrorCase(
        "undeclared alias column", withTest + "    bars: {eth.close: [1]}\n    expect: {entry.long: [0]}\n",
        ["E0504 8:12"]),
    DocumentErrorCase(
        "malformed notation item, inside quotes",
        withTest + "    bars: {close: \"100+1x3 1o0\"}\n    expect: {entry.long: [0]}\n", ["E0504 8:29"]),
    DocumentErrorCase(
        "list shorter than a notation",
        withTest + "    bars: {close: \"1x3\", open: [1, 2]}\n    expect: {entry.long: [0]}\n", ["E0504 8:32"]),
    DocumentErrorCase(
        "expected bar past a notation's end",
        withTest + "    bars: {close: \"1x3\"}\n    expect: {entry.long: [4]}\n", ["E0504 9:27"]),
    DocumentErrorCase(
        "unknown rejection reason", withTest + "    bars: {close: [1]}\n    expect: {rejections.coldown: [0]}\n",
        ["E0107 9:14"]),
    DocumentErrorCase(
        "unknown event", withTest + "    bars: {close: [1]}\n    expect: {fill.buy: [0]}\n", ["E0107 9:14"]),
    // Everything in one pass.
    DocumentErrorCase(
        "many problems at once",
        "kind: strategy\nname: t\ntimeframe: 1x\nentri:\n  long: x\norders: {fill: nope, pyramiding: 0}\napi_key: abc\n",
        ["E0107 3:12", "E0104 4:1", "E0107 6:16", "E0107 6:34", "E0104 7:1"]),
]

@Suite struct DocumentErrorTests {
    @Test(arguments: documentErrorCases)
    func reportsExactly(_ testCase: DocumentErrorCase) {
        let (_, diagnostics) = DocumentTests.load(testCase.yaml)
        #expect(DocumentTests.summary(diagnostics) == testCase.expected, "\(DocumentTests.describe(diagnostics))")
    }

    @Test func duplicateKeyHasANoteAtTheFirstAndKeepsIt() throws {
        let (document, diagnostics) = DocumentTests.load("kind: strategy\nname: first\nname: second\n")
        let duplicate = try #require(diagnostics.first)
        #expect(duplicate.id == .duplicateKey)
        #expect(duplicate.span.text == "name" && duplicate.location.description == "3:1")
        #expect(duplicate.notes.first?.span?.start.description == "2:1")
        guard case .strategy(let strategy) = document else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(strategy.name.value == "first")
    }

    @Test func suggestionsAndMessages() throws {
        let cases: [(yaml: String, message: String, suggestion: String?)] = [
            (
                "kind: strategy\nname: t\nentri: {}\n", "`entri` is not a key of a strategy file",
                "did you mean `entry`?"
            ),
            (
                "kind: stratgy\n", "`stratgy` is not a kind of Sextant file: `kind` is strategy, risk or engine",
                "did you mean `strategy`?"
            ),
            (
                "kind: strategy\nname: t\norders: {fill: next_opn}\n",
                "`orders.fill` must be one of `next_open`, `close`, not `next_opn`",
                "did you mean `next_open`?"
            ),
            (
                header + "  long: close > open: 1\n", "`: ` inside a value: YAML reads it as the start of another key",
                "expressions never need `: ` (named arguments use `=`, conditions use `if … then … else`): remove the colon, or quote the whole value"
            ),
            (engine + "watch: yes\n", "`watch` must be `true` or `false`, not `yes`", "write `true` or `false`"),
            (
                engine + "venue: {adapter: paper, cash: \"100\"}\n",
                "`venue.cash` must be a number, not the text \"100\"",
                "remove the quotes: a quoted value is text"
            ),
        ]
        for (yaml, message, suggestion) in cases {
            let (_, diagnostics) = DocumentTests.load(yaml)
            let diagnostic = try #require(diagnostics.first, "\(yaml)")
            #expect(diagnostic.message == message)
            #expect(diagnostic.suggestion == suggestion)
        }
    }

    @Test func secretsAreSentToTheEnvironment() throws {
        let (_, diagnostics) = DocumentTests.load(engine + "venue: {adapter: paper, api_key: abc}\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.contains("secret") && diagnostic.message.contains("environment"))
        #expect(diagnostic.suggestion?.contains("venue.credentials") == true)
    }

    @Test func unknownKeyFixItReplacesTheKey() throws {
        let (_, diagnostics) = DocumentTests.load(header + "  lng: x\n")
        let fixIt = try #require(diagnostics.first?.fixIt)
        #expect(fixIt.span.text == "lng" && fixIt.replacement == "long")
    }

    @Test func invalidEntriesAreSkippedAndTheRestIsKept() throws {
        let (document, diagnostics) = DocumentTests.load(
            "kind: strategy\nname: t\ntimeframe: 1x\nentry:\n  long: close > 1\n  lng: x\nparams:\n  fast-ma: 3\n  slow: 20\n"
        )
        #expect(diagnostics.count == 3)
        guard case .strategy(let strategy) = document else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(strategy.timeframe == nil)
        #expect(strategy.entry.long?.source.text == "close > 1")
        #expect(strategy.params.map(\.name) == ["slow"])
    }
}
