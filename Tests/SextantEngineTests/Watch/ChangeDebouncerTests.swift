import Testing

@testable import SextantEngine

/// The debouncer's decisions for the event sequences of each kind of save, with time and the file
/// system's final state given, so no disk or clock is involved. Interval 50 ms, maximum 1 s.
@Suite struct ChangeDebouncerTests {
    typealias Signal = ChangeDebouncer.Signal

    struct Event: Sendable {
        var signal: Signal
        var file: String
        var milliseconds: Int
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Files that existed at the start.
        var known: Set<String>
        var events: [Event]
        /// Files that exist when the flush runs.
        var existing: Set<String>
        var flushAt: Int
        var expected: [FileChange]
        /// Whether something is still pending after the flush.
        var pendingAfter = false
        var testDescription: String { name }
    }

    static func at(_ milliseconds: Int, _ signal: Signal, _ file: String = "a") -> Event {
        Event(signal: signal, file: file, milliseconds: milliseconds)
    }

    static let cases: [Case] = [
        Case(
            name: "in-place write", known: ["a"], events: [at(0, .closedAfterWrite)], existing: ["a"], flushAt: 50,
            expected: [.changed("/w/a")]),
        Case(
            name: "rename-save", known: ["a"], events: [at(0, .movedIn)], existing: ["a"], flushAt: 50,
            expected: [.changed("/w/a")]),
        Case(
            name: "vim backup-and-write", known: ["a"],
            events: [at(0, .removed), at(1, .created), at(1, .closedAfterWrite)], existing: ["a"], flushAt: 51,
            expected: [.changed("/w/a")]),
        Case(
            name: "delete then re-create within the window", known: ["a"],
            events: [at(0, .removed), at(30, .created), at(31, .closedAfterWrite)], existing: ["a"], flushAt: 81,
            expected: [.changed("/w/a")]),
        Case(
            name: "not quiet yet", known: ["a"], events: [at(0, .closedAfterWrite), at(40, .closedAfterWrite)],
            existing: ["a"], flushAt: 60, expected: [], pendingAfter: true),
        Case(
            name: "new file", known: [], events: [at(0, .created), at(0, .closedAfterWrite)], existing: ["a"],
            flushAt: 50, expected: [.created("/w/a")]),
        Case(
            name: "new file still open for writing", known: [], events: [at(0, .created)], existing: ["a"],
            flushAt: 500, expected: [], pendingAfter: true),
        Case(
            name: "new file never closed, reported at the maximum delay", known: [], events: [at(0, .created)],
            existing: ["a"], flushAt: 1000, expected: [.created("/w/a")]),
        Case(
            name: "endless writes, reported at the maximum delay", known: ["a"],
            events: stride(from: 0, through: 1000, by: 10).map { at($0, .closedAfterWrite) }, existing: ["a"],
            flushAt: 1000, expected: [.changed("/w/a")]),
        Case(
            name: "deletion", known: ["a"], events: [at(0, .removed)], existing: [], flushAt: 50,
            expected: [.deleted("/w/a")]),
        Case(
            name: "temporary file that came and went", known: [],
            events: [at(0, .created), at(0, .closedAfterWrite), at(1, .movedIn), at(2, .removed)], existing: [],
            flushAt: 52, expected: []),
        Case(
            name: "unknown event on an untouched file", known: ["a"], events: [at(0, .unknown)], existing: ["a"],
            flushAt: 50, expected: [.changed("/w/a")]),
        Case(
            name: "several files due at once come sorted", known: ["b"],
            events: [at(0, .closedAfterWrite, "c"), at(0, .removed, "b"), at(0, .movedIn, "a")],
            existing: ["a", "c"], flushAt: 50, expected: [.created("/w/a"), .deleted("/w/b"), .created("/w/c")]),
        Case(
            name: "only due files are reported", known: ["a", "b"],
            events: [at(0, .closedAfterWrite, "a"), at(30, .closedAfterWrite, "b")], existing: ["a", "b"],
            flushAt: 50, expected: [.changed("/w/a")], pendingAfter: true),
    ]

    @Test(arguments: cases) func decisions(_ testCase: Case) {
        let start = ContinuousClock.now
        var debouncer = ChangeDebouncer(
            interval: .milliseconds(50), maximumDelay: .seconds(1), known: Set(testCase.known.map { "/w/" + $0 }))
        for event in testCase.events {
            debouncer.record(event.signal, for: "/w/" + event.file, at: start + .milliseconds(event.milliseconds))
        }
        let existing = Set(testCase.existing.map { "/w/" + $0 })
        let changes = debouncer.flush(at: start + .milliseconds(testCase.flushAt)) { existing.contains($0) }
        #expect(changes == testCase.expected)
        #expect(debouncer.isIdle == !testCase.pendingAfter)
    }

    @Test func theDeadlineMovesWithEachEventAndStopsAtTheMaximum() {
        let start = ContinuousClock.now
        var debouncer = ChangeDebouncer(interval: .milliseconds(50), maximumDelay: .milliseconds(200), known: [])
        #expect(debouncer.nextDeadline == nil)
        debouncer.record(.closedAfterWrite, for: "/w/a", at: start)
        #expect(debouncer.nextDeadline == start + .milliseconds(50))
        debouncer.record(.closedAfterWrite, for: "/w/a", at: start + .milliseconds(30))
        #expect(debouncer.nextDeadline == start + .milliseconds(80))
        debouncer.record(.closedAfterWrite, for: "/w/a", at: start + .milliseconds(180))
        #expect(debouncer.nextDeadline == start + .milliseconds(200))
        debouncer.record(.created, for: "/w/b", at: start + .milliseconds(10))
        #expect(debouncer.nextDeadline == start + .milliseconds(200))
    }

    @Test func knownFilesFollowTheReports() {
        let start = ContinuousClock.now
        var debouncer = ChangeDebouncer(interval: .milliseconds(50), maximumDelay: .seconds(1), known: ["/w/a"])
        debouncer.record(.removed, for: "/w/a", at: start)
        #expect(debouncer.flush(at: start + .milliseconds(50)) { _ in false } == [.deleted("/w/a")])
        debouncer.record(.created, for: "/w/a", at: start + .milliseconds(60))
        debouncer.record(.closedAfterWrite, for: "/w/a", at: start + .milliseconds(60))
        #expect(debouncer.flush(at: start + .milliseconds(110)) { _ in true } == [.created("/w/a")])
        #expect(debouncer.known == ["/w/a"])
    }

    @Test func aLostDirectoryMarksItsKnownFilesOnly() {
        let start = ContinuousClock.now
        var debouncer = ChangeDebouncer(
            interval: .milliseconds(50), maximumDelay: .seconds(1),
            known: ["/w/S/a.yaml", "/w/S/b.yaml", "/w/S/sub/c.yaml", "/w/Config/risk.yaml", "/w/Strategies/d.yaml"])
        debouncer.recordKnownFiles(in: "/w/S", at: start)
        let changes = debouncer.flush(at: start + .milliseconds(50)) { _ in false }
        #expect(changes == [.deleted("/w/S/a.yaml"), .deleted("/w/S/b.yaml")])
    }
}
