import Foundation
import SextantLanguage
import Testing

@Suite("Diagnostic renderers")
struct RendererTests {
    static let file = SourceFile(path: "s.yaml", text: "kind: strategy\nlet:\n  x: smaa(close, 10)\n  y: x\n")

    static func span(_ text: String) -> SourceSpan {
        let bytes = Array(file.text.utf8)
        let needle = Array(text.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle } ?? 0
        return SourceSpan(file: file, range: start..<start + needle.count)
    }

    static let diagnostic = Diagnostic(
        .unknownFunction, "unknown function `smaa`", at: span("smaa"),
        notes: [.init("used here", at: span("x\n")), .init("functions are listed by `sextant functions`")],
        suggestion: "did you mean `sma`?")

    @Test func textHasLocationExcerptUnderlineNotesAndHelp() {
        let text = TextDiagnosticRenderer(colors: false).render(Self.diagnostic)
        #expect(
            text == """
                s.yaml:3:6: error[E0302]: unknown function `smaa`
                  |
                3 |   x: smaa(close, 10)
                  |      ^^^^
                  = note: used here (4:6)
                  |
                4 |   y: x
                  |      ^
                  = note: functions are listed by `sextant functions`
                  = help: did you mean `sma`?

                """)
    }

    @Test func colorsOnlyWhenAsked() {
        #expect(TextDiagnosticRenderer(colors: true).render(Self.diagnostic).contains("\u{1B}[31m"))
        #expect(!TextDiagnosticRenderer(colors: false).render(Self.diagnostic).contains("\u{1B}"))
    }

    @Test func underlineCountsScalarsAndKeepsTabs() {
        let file = SourceFile(path: "u.yaml", text: "a:\t\"é + ünknown\"\n")
        let bytes = Array(file.text.utf8)
        let start = bytes.firstIndex(of: UInt8(ascii: "+"))! + 2
        let span = SourceSpan(file: file, range: start..<start + "ünknown".utf8.count)
        let text = TextDiagnosticRenderer(colors: false).render(Diagnostic(.unknownName, "unknown name", at: span))
        #expect(text.hasPrefix("u.yaml:1:9: error[E0301]"))
        #expect(text.contains("\n  |   \t     ^^^^^^^\n"))
    }

    @Test func jsonRecordHasStableFields() throws {
        let record = DiagnosticRecord(Self.diagnostic)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json.contains("\"column\":6"))
        #expect(json.contains("\"end_column\":10"))
        #expect(json.contains("\"id\":\"E0302\""))
        #expect(json.contains("\"length\":4"))
        #expect(json.contains("\"line\":3"))
        #expect(record.notes.count == 2)
        #expect(record.notes[0].line == 4)
        #expect(record.notes[1].line == nil)
    }

    @Test func githubEscapesPropertiesAndData() {
        let file = SourceFile(path: "dir,a:b.yaml", text: "x\n")
        let diagnostic = Diagnostic(.unknownName, "50% bad\nline", at: SourceSpan(file: file, range: 0..<1))
        #expect(
            GitHubDiagnosticRenderer.render(diagnostic)
                == "::error file=dir%2Ca%3Ab.yaml,line=1,col=1,endLine=1,endColumn=2,title=E0301::50%25 bad%0Aline")
    }

    @Test func bagSortsCapsAndDeduplicates() {
        var bag = DiagnosticBag(limit: 2)
        let later = Diagnostic(.unknownName, "b", at: Self.span("y: x"))
        let earlier = Diagnostic(.unknownName, "a", at: Self.span("smaa"))
        bag.report(later)
        bag.report(earlier)
        bag.report(earlier)
        bag.report(Diagnostic(.unknownName, "c", at: Self.span("kind")))
        #expect(bag.sorted.map(\.message) == ["a", "b"])
        #expect(bag.dropped == 1)
        #expect(bag.errorCount == 3)
        var warnings = DiagnosticBag(limit: 1)
        warnings.report(Diagnostic(.unusedLet, "w1", at: Self.span("x:")))
        warnings.report(Diagnostic(.unusedLet, "w2", at: Self.span("y:")))
        #expect(warnings.dropped == 1)
        #expect(warnings.errorCount == 0, "dropped warnings must not fail a file")
    }
}
