import Foundation
@testable import SextantLanguage
import Testing

@Test func documentScratchCorpus() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    var out = ""
    for name in names where name.hasSuffix(".yaml") {
        var bag = DiagnosticBag()
        let doc = DocumentLoader.load(path: dir.appendingPathComponent(name).path, into: &bag)
        out += "== \(name) -> \(doc.map { "\($0.kind)" } ?? "nil")\n"
        for d in bag.sorted { out += "  \(d.id) \(d.location) \(d.message)\(d.suggestion.map { " [\($0)]" } ?? "")\n" }
    }
    try out.write(toFile: "/tmp/docs-scratch.txt", atomically: true, encoding: .utf8)
}
