import SextantStore

extension StoreConformance {
    static func version(_ hash: String, seenAt time: Int64, path: String = "Strategies/s.yaml") -> StrategyVersionRecord
    {
        StrategyVersionRecord(
            contentHash: hash, name: "s", path: path, source: "source \(hash)", seenAt: EpochMilliseconds(time))
    }

    static let strategyChecks: [StoreCheck] = [
        StoreCheck("recording a version again keeps the first sighting and moves the last") { harness in
            let store = harness.store
            try await store.recordStrategyVersion(version("h1", seenAt: 100))
            let again = try await store.recordStrategyVersion(version("h1", seenAt: 500, path: "moved.yaml"))
            try expectEqual(again.firstSeen, EpochMilliseconds(100), "first seen")
            try expectEqual(again.lastSeen, EpochMilliseconds(500), "last seen")
            try expectEqual(again.path, "Strategies/s.yaml", "path")
            try expectEqual(try await harness.count("strategy_versions"), 2, "versions")  // h1 and the sample
            // An older sighting arriving late does not move it back.
            let late = try await store.recordStrategyVersion(version("h1", seenAt: 300))
            try expectEqual(late.lastSeen, EpochMilliseconds(500), "last seen after a late sighting")
        },
        StoreCheck("the latest version follows the last sighting, so a revert wins") { harness in
            let store = harness.store
            try await store.recordStrategyVersion(version("original", seenAt: 100))
            try await store.recordStrategyVersion(version("edited", seenAt: 200))
            try expectEqual(try await store.latestStrategyVersion(named: "s")?.contentHash, "edited", "latest")
            try await store.recordStrategyVersion(version("original", seenAt: 300))
            let latest = try await store.latestStrategyVersion(named: "s")
            try expectEqual(latest?.contentHash, "original", "latest after the revert")
            try expectEqual(latest?.source, "source original", "source")
            try expectEqual(try await store.latestStrategyVersion(named: "unknown"), nil, "unknown name")
        },
        StoreCheck("a version is found by its hash") { harness in
            try expectEqual(
                try await harness.store.strategyVersion(contentHash: Samples.versionHash), Samples.version, "sample")
            try expectEqual(try await harness.store.strategyVersion(contentHash: "missing"), nil, "missing")
        },
        StoreCheck("runs are recorded once") { harness in
            try await harness.store.recordRun(Samples.run)
            var changed = Samples.run
            changed.mode = .live
            try await harness.store.recordRun(changed)
            try expectEqual(try await harness.store.run(id: Samples.run.id), Samples.run, "run")
            try expectEqual(try await harness.store.run(id: "other"), nil, "unknown run")
        },
    ]
}
