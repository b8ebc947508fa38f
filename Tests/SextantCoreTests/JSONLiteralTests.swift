import Testing

@testable import SextantCore

/// `JSONLiteral`: string escapes (plain and script-safe, on the fast path for plain text and the
/// escaping path) and number spellings, against hand-written literals.
struct JSONLiteralTests {
    static let strings: [(text: String, scriptSafe: Bool, literal: String)] = [
        ("GOOG", false, #""GOOG""#),
        ("", false, #""""#),
        ("2004-08-19T00:00:00Z", false, #""2004-08-19T00:00:00Z""#),
        ("say \"hi\"", false, #""say \"hi\"""#),
        ("C:\\data", false, #""C:\\data""#),
        ("a\nb\rc\td", false, #""a\nb\rc\td""#),
        ("\u{01}\u{1F}", false, #""\u0001\u001f""#),
        ("café €", false, "\"café €\""),
        ("<b>&</b>", false, "\"<b>&</b>\""),
        ("<b>&</b>", true, #""\u003cb\u003e\u0026\u003c/b\u003e""#),
        ("line\u{2028}sep\u{2029}", true, #""line\u2028sep\u2029""#),
        ("line\u{2028}sep\u{2029}", false, "\"line\u{2028}sep\u{2029}\""),
        ("€ 5", true, "\"€ 5\""),
        ("</script>", true, #""\u003c/script\u003e""#),
    ]

    @Test(arguments: strings)
    func stringLiteral(_ text: String, _ scriptSafe: Bool, _ literal: String) {
        #expect(JSONLiteral.string(text, scriptSafe: scriptSafe) == literal)
    }

    static let numbers: [(value: Double, literal: String)] = [
        (0, "0"), (-3, "-3"), (1e14, "100000000000000"), (1e15, "1000000000000000.0"), (2.5e-7, "2.5e-07"),
        (0.1, "0.1"), (101.25, "101.25"),
        (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
    ]

    @Test(arguments: numbers)
    func numberLiteral(_ value: Double, _ literal: String) {
        #expect(JSONLiteral.number(value) == literal)
    }
}
