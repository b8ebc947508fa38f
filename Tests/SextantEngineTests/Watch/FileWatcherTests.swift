import Foundation
import SextantEngine
import Testing

/// The watcher on real files in a temporary directory. Each test waits for what it expects with a
/// generous timeout; "nothing else happened" is checked with a sentinel file written after the
/// action, whose change can only be reported after every earlier event of the action.
@Suite(.serialized) struct FileWatcherTests {
    static let sentinel = "Strategies/zz_sentinel.yaml"

    /// A sandbox holding `Strategies/sma.yaml` (`fast: 10`), the sentinel and `Config/risk.yaml`.
    private func prepared() throws -> WatchSandbox {
        let sandbox = try WatchSandbox()
        try sandbox.write("Strategies/sma.yaml", SaveStyle.before)
        try sandbox.write(FileWatcherTests.sentinel, "0\n")
        try sandbox.write("Config/risk.yaml", "kind: risk\n")
        return sandbox
    }

    /// Touches the sentinel and waits for its change: everything the test did before is reported
    /// by the time this returns.
    private func settle(_ sandbox: WatchSandbox, _ recorder: ChangeRecorder) async throws -> [FileChange] {
        try sandbox.write(FileWatcherTests.sentinel, "\(UUID())\n")
        return await recorder.wait(for: .changed(sandbox.path(FileWatcherTests.sentinel)))
    }

    @Test(arguments: SaveStyle.available) func eachSaveStyleIsOneChange(style: SaveStyle) async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        let inode = try sandbox.inode("Strategies/sma.yaml")
        try style.save("Strategies/sma.yaml", in: sandbox)
        // The style really saves the way it claims to (in place, or by a new file renamed over).
        if let keepsInode = style.keepsInode {
            #expect((try sandbox.inode("Strategies/sma.yaml") == inode) == keepsInode)
        }
        let seen = try await settle(sandbox, recorder)
        #expect(
            seen == [.changed(sandbox.path("Strategies/sma.yaml")), .changed(sandbox.path(FileWatcherTests.sentinel))])
        #expect(try sandbox.read("Strategies/sma.yaml") == SaveStyle.after)
    }

    /// A save whose steps are spread out (a slow editor, a loaded machine) is still one change when
    /// the steps fall within the debounce interval: here a 20 ms pause inside a 300 ms window.
    @Test func aSlowSaveWithinTheWindowIsOneChange() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher(debounce: .milliseconds(300))
        let recorder = ChangeRecorder(watcher.changes)
        let began = ContinuousClock.now
        try sandbox.rename("Strategies/sma.yaml", "Strategies/sma.yaml~")
        // A blocking pause: `Task.sleep` can stall far past the window when the test process's task pool
        // is saturated by the other suites, which would test the machine's load, not the watcher.
        usleep(20_000)
        try sandbox.write("Strategies/sma.yaml", SaveStyle.after)
        let pause = ContinuousClock.now - began
        try sandbox.remove("Strategies/sma.yaml~")
        let seen = try await settle(sandbox, recorder)
        let file = sandbox.path("Strategies/sma.yaml")
        if pause < .milliseconds(250) {
            #expect(seen == [.changed(file), .changed(sandbox.path(FileWatcherTests.sentinel))])
        } else {
            // The OS held the writer past the window: the save is then reported as what it was, a
            // deletion and a creation, and the file ends present.
            #expect(seen == [.deleted(file), .created(file), .changed(sandbox.path(FileWatcherTests.sentinel))])
        }
    }

    @Test func initialFilesAreTheMatchingFiles() throws {
        let sandbox = try prepared()
        try sandbox.write("Strategies/notes.txt", "")
        try sandbox.write("Config/other.yaml", "")
        let watcher = try sandbox.watcher()
        #expect(
            watcher.initialFiles == [
                sandbox.path("Config/risk.yaml"), sandbox.path("Strategies/sma.yaml"),
                sandbox.path(FileWatcherTests.sentinel),
            ])
        #expect(watcher.patterns.map(\.directory) == [sandbox.path("Strategies"), sandbox.path("Config")])
    }

    @Test func unrelatedFilesAreIgnored() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        try sandbox.write("Strategies/notes.txt", "x")
        try sandbox.write("Strategies/.sma.yaml.swp", "x")
        try sandbox.write("Strategies/sma.yaml~", "x")
        try sandbox.write("Strategies/sma.yml", "x")
        try sandbox.write("Config/other.yaml", "x")
        try sandbox.write("Config/risk.yaml.bak", "x")
        try sandbox.write("top.yaml", "x")
        try sandbox.makeDirectory("Strategies/folder.yaml")
        try sandbox.makeDirectory("Strategies/nested")
        try sandbox.write("Strategies/nested/deep.yaml", "x")
        try sandbox.remove("Strategies/notes.txt")
        let seen = try await settle(sandbox, recorder)
        #expect(seen == [.changed(sandbox.path(FileWatcherTests.sentinel))])
    }

    @Test func creationDeletionAndRecreation() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        let path = sandbox.path("Strategies/new.yaml")
        try sandbox.write("Strategies/new.yaml", "a\n")
        _ = await recorder.wait(for: .created(path))
        try sandbox.remove("Strategies/new.yaml")
        _ = await recorder.wait(for: .deleted(path))
        try sandbox.write("Strategies/new.yaml", "b\n")
        _ = await recorder.wait { $0.count == 3 }
        try sandbox.write("Config/risk.yaml", "kind: risk\nmax_positions: 3\n")
        let seen = await recorder.wait(for: .changed(sandbox.path("Config/risk.yaml")))
        #expect(seen == [.created(path), .deleted(path), .created(path), .changed(sandbox.path("Config/risk.yaml"))])
    }

    @Test func aTemporaryFileThatComesAndGoesIsNothing() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        try sandbox.write("Strategies/scratch.yaml", "x")
        try sandbox.remove("Strategies/scratch.yaml")
        let seen = try await settle(sandbox, recorder)
        #expect(seen == [.changed(sandbox.path(FileWatcherTests.sentinel))])
    }

    @Test func aBurstOfWritesIsOneChangePerFile() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        for index in 0..<200 { try sandbox.write("Strategies/sma.yaml", "fast: \(index)\n") }
        for index in 0..<20 { try sandbox.write("Strategies/s\(index).yaml", "x") }
        let seen = try await settle(sandbox, recorder)
        let created = (0..<20).map { FileChange.created(sandbox.path("Strategies/s\($0).yaml")) }
        // One change per file as long as the writer never pauses longer than the debounce; a loaded
        // machine can pause it, and then a file is reported again — never a change that did not happen.
        #expect(seen.count >= 22)
        #expect(Set(seen.dropLast()) == Set(created + [.changed(sandbox.path("Strategies/sma.yaml"))]))
        #expect(seen.last == .changed(sandbox.path(FileWatcherTests.sentinel)))
    }

    @Test func aRemovedDirectoryIsReportedAndWatchedAgainWhenItReturns() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        let strategies = sandbox.path("Strategies")
        try sandbox.remove("Strategies")
        let gone: Set<FileChange> = [
            .directoryUnavailable(strategies), .deleted(sandbox.path("Strategies/sma.yaml")),
            .deleted(sandbox.path(FileWatcherTests.sentinel)),
        ]
        let afterRemoval = await recorder.wait { gone.isSubset(of: $0) }
        #expect(Set(afterRemoval) == gone)
        #expect(afterRemoval.count == gone.count)

        try sandbox.makeDirectory("Strategies")
        try sandbox.write("Strategies/sma.yaml", SaveStyle.after)
        let back = await recorder.wait { $0.contains(.created(sandbox.path("Strategies/sma.yaml"))) }
        #expect(back.dropFirst(gone.count) == [.created(sandbox.path("Strategies/sma.yaml"))])

        // Watching really resumed: a later save is seen as usual.
        try sandbox.write("Strategies/sma.yaml", SaveStyle.before)
        let later = await recorder.wait { $0.count == gone.count + 2 }
        #expect(later.last == .changed(sandbox.path("Strategies/sma.yaml")))
    }

    @Test func aDirectoryRenamedAwayIsUnavailable() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        let recorder = ChangeRecorder(watcher.changes)
        try sandbox.rename("Strategies", "Strategies.old")
        let sma = sandbox.path("Strategies/sma.yaml")
        let seen = await recorder.wait { $0.contains(.deleted(sma)) }
        #expect(seen.contains(.directoryUnavailable(sandbox.path("Strategies"))))
        // The watch must not follow the directory to its new name.
        try sandbox.write("Strategies.old/sma.yaml", SaveStyle.after)
        try sandbox.rename("Strategies.old", "Strategies")
        let back = await recorder.wait { $0.contains(.created(sma)) }
        #expect(!back.contains(.changed(sma)))
    }

    @Test func aMissingDirectoryIsReportedThenWatchedOnceCreated() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher(["Later/*.yaml"])
        let recorder = ChangeRecorder(watcher.changes)
        _ = await recorder.wait(for: .directoryUnavailable(sandbox.path("Later")))
        try sandbox.makeDirectory("Later")
        try sandbox.write("Later/x.yaml", "x")
        let seen = await recorder.wait(for: .created(sandbox.path("Later/x.yaml")))
        #expect(seen == [.directoryUnavailable(sandbox.path("Later")), .created(sandbox.path("Later/x.yaml"))])
    }

    @Test func relativePatternsResolveAgainstTheBaseDirectory() async throws {
        let sandbox = try prepared()
        let watcher = try FileWatcher(
            watching: ["./sma.yaml", "../Config//risk.yaml"], relativeTo: sandbox.path("Strategies") + "/./",
            debounce: .milliseconds(50))
        let recorder = ChangeRecorder(watcher.changes)
        #expect(watcher.initialFiles == [sandbox.path("Config/risk.yaml"), sandbox.path("Strategies/sma.yaml")])
        try sandbox.write("Config/risk.yaml", "kind: risk\n")
        let seen = await recorder.wait(for: .changed(sandbox.path("Config/risk.yaml")))
        #expect(seen == [.changed(sandbox.path("Config/risk.yaml"))])
    }

    @Test func stoppingFinishesTheStream() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher()
        watcher.stop()
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }

    @Test func malformedPatternsAreRefused() throws {
        #expect(throws: FileWatcherError.wildcardInDirectory("Strat*/a.yaml")) {
            try FileWatcher(watching: ["Strat*/a.yaml"], relativeTo: "/tmp")
        }
    }

    /// Write-to-event latency with a 20 ms debounce, printed rather than asserted (timing depends on
    /// the machine): `SEXTANT_MEASURE_WATCH=1 swift test --filter FileWatcherTests/measureLatency`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SEXTANT_MEASURE_WATCH"] == "1"))
    func measureLatency() async throws {
        let sandbox = try prepared()
        let watcher = try sandbox.watcher(debounce: .milliseconds(20))
        var iterator = watcher.changes.makeAsyncIterator()
        var samples: [Duration] = []
        for index in 0..<200 {
            let start = ContinuousClock.now
            try sandbox.write("Strategies/sma.yaml", "fast: \(index)\n")
            let change = await iterator.next()
            samples.append(ContinuousClock.now - start)
            #expect(change == .changed(sandbox.path("Strategies/sma.yaml")))
        }
        samples.sort()
        func milliseconds(_ duration: Duration) -> String {
            let value = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%.2f ms", value)
        }
        print(
            "write → event, 20 ms debounce, \(samples.count) saves: min \(milliseconds(samples[0])),",
            "p50 \(milliseconds(samples[samples.count / 2])), p90 \(milliseconds(samples[samples.count * 9 / 10])),",
            "p99 \(milliseconds(samples[samples.count * 99 / 100])), max \(milliseconds(samples[samples.count - 1]))")
    }
}
