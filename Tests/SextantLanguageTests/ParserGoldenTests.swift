import Foundation
import Testing

@testable import SextantLanguage

extension ParserTests {
    /// Golden files: `Golden/parser/NAME.expr` holds an expression (the whole file, without its final
    /// line break), `NAME.golden` the tree and every diagnostic with its span, notes, suggestion and
    /// fix-it. `SEXTANT_UPDATE_GOLDEN=1 swift test --filter ParserTests` rewrites the goldens; review
    /// the diff by hand before committing it.
    @Suite struct Golden {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent("parser")
        static let updating = ProcessInfo.processInfo.environment["SEXTANT_UPDATE_GOLDEN"] == "1"

        static func inputs() -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".expr") }.map { String($0.dropLast(5)) }.sorted()
        }

        /// The golden text for one input: the tree, then each diagnostic in position order.
        static func render(_ name: String, _ input: String) -> String {
            let text = input.hasSuffix("\n") ? String(input.dropLast()) : input
            let file = SourceFile(path: "\(name).expr", text: input)
            var bag = DiagnosticBag()
            let expr = ExpressionParser.parse(ExpressionSource(verbatim: text, file: file, fileOffset: 0), into: &bag)
            var lines = ["tree: \(expr.dump)"]
            func range(_ span: SourceSpan) -> String { "\(span.start)-\(span.end)" }
            for diagnostic in bag.sorted {
                lines.append("\(diagnostic.id) \(range(diagnostic.span)) \(diagnostic.message)")
                for note in diagnostic.notes {
                    lines.append("  note \(note.span.map(range) ?? "-") \(note.message)")
                }
                if let suggestion = diagnostic.suggestion { lines.append("  suggestion: \(suggestion)") }
                if let fixIt = diagnostic.fixIt {
                    lines.append("  fix-it \(range(fixIt.span)) `\(fixIt.replacement)`")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        @Test("there are golden inputs, each with its golden output")
        func inventory() {
            let names = Self.inputs()
            #expect(names.count >= 15)
            for name in names where !Self.updating {
                let golden = Self.folder.appendingPathComponent("\(name).golden")
                #expect(FileManager.default.fileExists(atPath: golden.path), "missing \(name).golden")
            }
        }

        @Test("each input parses to its golden tree and diagnostics", arguments: Self.inputs())
        func golden(_ name: String) throws {
            let input = try String(contentsOf: Self.folder.appendingPathComponent("\(name).expr"), encoding: .utf8)
            let actual = Self.render(name, input)
            let goldenURL = Self.folder.appendingPathComponent("\(name).golden")
            if Self.updating {
                try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
                return
            }
            let expected = try String(contentsOf: goldenURL, encoding: .utf8)
            #expect(actual == expected, "\(name): run with SEXTANT_UPDATE_GOLDEN=1 to see the new output")
        }
    }
}
