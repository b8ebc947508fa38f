import Foundation
import SextantLanguage
import Testing

/// Helpers shared by the document loader tests.
enum DocumentTests {
    /// Loads YAML text as a file called `name`.
    static func load(_ yaml: String, name: String = "test.yaml") -> (document: Document?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let document = DocumentLoader.load(SourceFile(path: name, text: yaml), into: &bag)
        return (document, bag.sorted)
    }

    /// Loads raw bytes as a file called `name`.
    static func load(bytes: [UInt8], name: String = "test.yaml") -> (document: Document?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let document = DocumentLoader.load(bytes: bytes, path: name, into: &bag)
        return (document, bag.sorted)
    }

    /// The strategy in `yaml`, which must load without diagnostics.
    static func strategy(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> StrategyDocument
    {
        let (document, diagnostics) = load(yaml)
        #expect(diagnostics.isEmpty, "\(describe(diagnostics))", sourceLocation: sourceLocation)
        guard case .strategy(let strategy) = document else {
            throw LoadFailure(message: "not a strategy: \(describe(diagnostics))")
        }
        return strategy
    }

    /// Diagnostics as `ID line:column`, the form the tables assert.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id) \($0.location)" }
    }

    /// Diagnostics with their messages, for failure output.
    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.id) \($0.location): \($0.message)\($0.suggestion.map { " [\($0)]" } ?? "")" }
            .joined(separator: "\n")
    }

    /// The line:column where the value byte at `valueOffset` of `field` sits in its file.
    static func position(of valueOffset: Int, in field: ExpressionField) -> String {
        field.source.file.location(of: field.source.fileOffset(valueOffset)).description
    }

    /// The line:column of the first occurrence of `token` in `field`'s expression text.
    static func position(of token: String, in field: ExpressionField) -> String? {
        guard let range = field.source.text.range(of: token) else { return nil }
        let offset = field.source.text.utf8.distance(from: field.source.text.utf8.startIndex, to: range.lowerBound)
        return position(of: offset, in: field)
    }

    struct LoadFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
