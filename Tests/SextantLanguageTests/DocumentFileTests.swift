import Foundation
import SextantLanguage
import Testing

/// `DocumentLoader.load(path:)`: what reading from disk adds to loading text.
@Suite struct DocumentFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-documents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func write(_ bytes: [UInt8], to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func load(path: String) -> (document: Document?, diagnostics: [Diagnostic]) {
        var bag = DiagnosticBag()
        let document = DocumentLoader.load(path: path, into: &bag)
        return (document, bag.sorted)
    }

    @Test func loadsAFileFromDisk() throws {
        let path = try write(Array(DocumentExampleTests.strategy.utf8), to: "sma_cross.yaml")
        let (document, diagnostics) = load(path: path)
        #expect(diagnostics.isEmpty)
        #expect(document?.kind == .strategy)
        #expect(document?.file.path == path)
    }

    @Test func missingFileIsE0115() throws {
        let (document, diagnostics) = load(path: folder.appendingPathComponent("nope.yaml").path)
        #expect(document == nil)
        #expect(DocumentTests.summary(diagnostics) == ["E0115 1:1"])
        #expect(diagnostics.first?.message.hasSuffix("no such file") == true)
    }

    @Test func folderIsE0115() {
        let (_, diagnostics) = load(path: folder.path)
        #expect(DocumentTests.summary(diagnostics) == ["E0115 1:1"])
        #expect(diagnostics.first?.message.contains("folder") == true)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/zero")))
    func deviceIsRefusedUnread() {
        let (_, diagnostics) = load(path: "/dev/zero")
        #expect(DocumentTests.summary(diagnostics) == ["E0115 1:1"])
        #expect(diagnostics.first?.message.contains("not a regular file") == true)
    }

    @Test func oversizedFileIsRefusedUnread() throws {
        let path = try write([], to: "huge.yaml")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 9 * 1024 * 1024)
        try handle.close()
        let (document, diagnostics) = load(path: path)
        #expect(document == nil)
        #expect(DocumentTests.summary(diagnostics) == ["E0113 1:1"])
        #expect(diagnostics.first?.message == "the file is 9.0 MiB; the loader reads at most 8 MiB")
    }

    @Test func byteOrderMarkIsDropped() throws {
        let path = try write([0xEF, 0xBB, 0xBF] + Array("name: t\nkind: strategy\n".utf8), to: "bom.yaml")
        let (document, diagnostics) = load(path: path)
        #expect(diagnostics.isEmpty)
        guard case .strategy(let strategy) = document else { throw DocumentTests.LoadFailure(message: "no strategy") }
        #expect(strategy.name.span.start.description == "1:7")
    }

    @Test func latin1IsReportedAtTheByteAndTheRestIsChecked() throws {
        let bytes =
            Array("kind: strategy\nname: t\ndescription: Stratégie".utf8).map { $0 }
            + Array("\nentry:\n  lng: x\n".utf8)
        let latin1 = bytes.replacingÉWithLatin1()
        let path = try write(latin1, to: "latin1.yaml")
        let (document, diagnostics) = load(path: path)
        #expect(
            DocumentTests.summary(diagnostics) == ["E0109 3:19", "E0104 5:3"], "\(DocumentTests.describe(diagnostics))")
        #expect(document?.kind == .strategy)
    }
}

extension Array where Element == UInt8 {
    /// The bytes with UTF-8 `é` (C3 A9) written as Latin-1 (E9), as a Windows editor would save it.
    fileprivate func replacingÉWithLatin1() -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < count {
            if self[index] == 0xC3, index + 1 < count, self[index + 1] == 0xA9 {
                result.append(0xE9)
                index += 2
            } else {
                result.append(self[index])
                index += 1
            }
        }
        return result
    }
}
