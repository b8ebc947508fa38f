import SextantEngine
import SextantLanguage
import Synchronization
import Testing

/// The coordinator's decisions over a fake file system (path → text) and a fake compiler: a file
/// compiles to `compiled:` + its text unless its text contains `error`.
@Suite struct ReloadCoordinatorTests {
    static let path = "/desk/Strategies/sma.yaml"

    enum Expected: Sendable {
        case started
        case swapped
        case rejected(keepsRunning: Bool, ids: [String])
        case unchanged
        case retired
        case nothing
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var change: FileChange
        /// The running version's text, if the file is running.
        var running: String?
        /// The text on disk (nil: unreadable).
        var disk: String?
        var expected: Expected
        /// Whether the compiler must have been called.
        var compiles: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a new valid file starts", change: .created(path), running: nil, disk: "fast: 10",
            expected: .started, compiles: true),
        Case(
            name: "a new invalid file is rejected with nothing to keep", change: .created(path), running: nil,
            disk: "fast: error", expected: .rejected(keepsRunning: false, ids: ["E0101"]), compiles: true),
        Case(
            name: "a fixed file that never ran starts", change: .changed(path), running: nil, disk: "fast: 12",
            expected: .started, compiles: true),
        Case(
            name: "a valid edit swaps", change: .changed(path), running: "fast: 10", disk: "fast: 12",
            expected: .swapped, compiles: true),
        Case(
            name: "an invalid edit is rejected and the old version kept", change: .changed(path),
            running: "fast: 10", disk: "fast: error", expected: .rejected(keepsRunning: true, ids: ["E0101"]),
            compiles: true),
        Case(
            name: "a save that changed nothing is unchanged", change: .changed(path), running: "fast: 10",
            disk: "fast: 10", expected: .unchanged, compiles: false),
        Case(
            name: "a running file reported created with the same bytes is unchanged", change: .created(path),
            running: "fast: 10", disk: "fast: 10", expected: .unchanged, compiles: false),
        Case(
            name: "a running file reported created with new bytes swaps", change: .created(path),
            running: "fast: 10", disk: "fast: 14", expected: .swapped, compiles: true),
        Case(
            name: "an unreadable file is rejected and the old version kept", change: .changed(path),
            running: "fast: 10", disk: nil, expected: .rejected(keepsRunning: true, ids: ["E0115"]),
            compiles: false),
        Case(
            name: "a deleted running file retires", change: .deleted(path), running: "fast: 10", disk: nil,
            expected: .retired, compiles: false),
        Case(
            name: "a deleted file that never ran is nothing", change: .deleted(path), running: nil, disk: nil,
            expected: .nothing, compiles: false),
        Case(
            name: "a directory report is nothing", change: .directoryUnavailable("/desk/Strategies"),
            running: "fast: 10", disk: "fast: 10", expected: .nothing, compiles: false),
    ]

    static func version(_ text: String) -> LoadedFile<String> {
        LoadedFile(path: path, source: Array(text.utf8), compiled: "compiled:" + text)
    }

    /// The fake file system and a count of compilations, shared with the coordinator's closures.
    final class FakeDisk: Sendable {
        let files = Mutex<[String: String]>([:])
        let compilations = Mutex(0)

        func set(_ path: String, _ text: String?) { files.withLock { $0[path] = text } }
        var compiled: Int { compilations.withLock { $0 } }

        /// A coordinator reading from this disk and counting its compilations.
        func coordinator() -> ReloadCoordinator<String> {
            ReloadCoordinator<String>(
                read: { [self] path in
                    guard let text = files.withLock({ $0[path] }) else { throw FakeReadError.missing(path) }
                    return Array(text.utf8)
                },
                compile: { [self] path, bytes in
                    compilations.withLock { $0 += 1 }
                    let text = String(decoding: bytes, as: UTF8.self)
                    guard text.contains("error") else { return .success("compiled:" + text) }
                    let file = SourceFile(path: path, text: text)
                    let span = SourceSpan(file: file, range: 0..<1)
                    return .failure(ReloadCompileError([Diagnostic(.yamlSyntax, "not valid", at: span)]))
                })
        }
    }

    enum FakeReadError: Error { case missing(String) }

    @Test(arguments: cases) func decisions(_ testCase: Case) {
        let disk = FakeDisk()
        disk.set(ReloadCoordinatorTests.path, testCase.disk)
        let coordinator = disk.coordinator()
        let running = testCase.running.map(ReloadCoordinatorTests.version)
        let loaded = running.map { [ReloadCoordinatorTests.path: $0] } ?? [:]
        let outcome = coordinator.plan(for: testCase.change, loaded: loaded)
        let path = ReloadCoordinatorTests.path
        let onDisk = testCase.disk.map(ReloadCoordinatorTests.version)

        switch testCase.expected {
        case .started:
            #expect(outcome == .started(path: path, version: onDisk!))
        case .swapped:
            #expect(outcome == .swapped(path: path, old: running!, new: onDisk!))
        case .rejected(let keepsRunning, let ids):
            guard case .rejected(let rejectedPath, let diagnostics, let kept) = outcome else {
                Issue.record("expected a rejection, got \(String(describing: outcome))")
                return
            }
            #expect(rejectedPath == path)
            #expect(diagnostics.map { $0.id.rawValue } == ids)
            #expect(diagnostics.allSatisfy { $0.file.path == path })
            #expect(kept == (keepsRunning ? running : nil))
        case .unchanged:
            #expect(outcome == .unchanged(path: path))
        case .retired:
            #expect(outcome == .retired(path: path, version: running!))
        case .nothing:
            #expect(outcome == nil)
        }
        #expect(disk.compiled == (testCase.compiles ? 1 : 0))
    }

    /// An analyst's session, outcomes applied to the decided table as the engine would: the running
    /// version never goes missing until the file is deleted.
    @Test func anEditingSession() {
        let path = ReloadCoordinatorTests.path
        let disk = FakeDisk()
        let coordinator = disk.coordinator()
        var table: [String: LoadedFile<String>] = [:]
        var kinds: [String] = []

        func save(_ text: String?, _ change: FileChange) {
            disk.set(path, text)
            guard let outcome = coordinator.plan(for: change, loaded: table) else {
                kinds.append("nothing")
                return
            }
            outcome.apply(to: &table)
            switch outcome {
            case .started: kinds.append("started")
            case .swapped: kinds.append("swapped")
            case .rejected: kinds.append("rejected")
            case .unchanged: kinds.append("unchanged")
            case .retired: kinds.append("retired")
            }
        }

        save("fast: 10", .created(path))
        save("fast: err", .changed(path))  // mid-typing, still valid
        save("fast: error", .changed(path))
        #expect(table[path]?.source == Array("fast: err".utf8))
        save("fast: 12", .changed(path))
        save("fast: 12", .changed(path))  // `:w` again without edits
        save("fast: 10", .changed(path))  // undo: compared with the decided version, not the first
        #expect(table[path] == ReloadCoordinatorTests.version("fast: 10"))
        save(nil, .deleted(path))
        save(nil, .deleted(path))

        #expect(kinds == ["started", "swapped", "rejected", "swapped", "unchanged", "swapped", "retired", "nothing"])
        #expect(table.isEmpty)
        #expect(disk.compiled == 5)
    }

    @Test func aVersionIsTheSHA256OfTheBytes() {
        let version = LoadedFile(path: "/x.yaml", source: Array("abc".utf8), compiled: 0).version
        #expect(version == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(version == StrategyVersion.of(Array("abc".utf8)))
    }
}
