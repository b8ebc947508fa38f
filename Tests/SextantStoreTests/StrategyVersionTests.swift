import Testing

@testable import SextantStore

@Suite struct StrategyVersionTests {
    static func version(_ hash: String, seenAt time: Int64, path: String = "Strategies/s.yaml") -> StrategyVersionRecord
    {
        StrategyVersionRecord(
            contentHash: hash, name: "s", path: path, source: "source \(hash)", seenAt: EpochMilliseconds(time))
    }

    @Test func recordingAgainKeepsTheFirstSightingAndMovesTheLast() async throws {
        let fixture = try await StoreFixture()
        try await fixture.store.recordStrategyVersion(Self.version("h1", seenAt: 100))
        let again = try await fixture.store.recordStrategyVersion(Self.version("h1", seenAt: 500, path: "moved.yaml"))
        #expect(again.firstSeen == EpochMilliseconds(100))
        #expect(again.lastSeen == EpochMilliseconds(500))
        #expect(again.path == "Strategies/s.yaml")
        #expect(try await fixture.count("strategy_versions") == 2)  // h1 and the fixture's sample

        // An older sighting arriving late does not move it back.
        let late = try await fixture.store.recordStrategyVersion(Self.version("h1", seenAt: 300))
        #expect(late.lastSeen == EpochMilliseconds(500))
    }

    @Test func latestFollowsTheLastSightingSoARevertWins() async throws {
        let fixture = try await StoreFixture()
        let store = fixture.store
        try await store.recordStrategyVersion(Self.version("original", seenAt: 100))
        try await store.recordStrategyVersion(Self.version("edited", seenAt: 200))
        #expect(try await store.latestStrategyVersion(named: "s")?.contentHash == "edited")

        // The analyst reverts the file: the original text is live again.
        try await store.recordStrategyVersion(Self.version("original", seenAt: 300))
        let latest = try await store.latestStrategyVersion(named: "s")
        #expect(latest?.contentHash == "original")
        #expect(latest?.source == "source original")
        #expect(try await store.latestStrategyVersion(named: "unknown") == nil)
    }

    @Test func aVersionIsFoundByItsHash() async throws {
        let fixture = try await StoreFixture()
        #expect(try await fixture.store.strategyVersion(contentHash: Samples.versionHash) == Samples.version)
        #expect(try await fixture.store.strategyVersion(contentHash: "missing") == nil)
    }

    @Test func runsAreRecordedOnce() async throws {
        let fixture = try await StoreFixture()
        try await fixture.store.recordRun(Samples.run)
        var changed = Samples.run
        changed.mode = .live
        try await fixture.store.recordRun(changed)
        #expect(try await fixture.store.run(id: Samples.run.id) == Samples.run)
        #expect(try await fixture.store.run(id: "other") == nil)
    }
}
