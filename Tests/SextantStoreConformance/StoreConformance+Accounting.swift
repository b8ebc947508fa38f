import SextantStore

extension StoreConformance {
    static let positionChecks: [StoreCheck] = [
        StoreCheck("upsert keeps one position per strategy and symbol") { harness in
            let store = harness.store
            try await store.upsertPosition(
                .init(strategy: "s1", symbol: "GOOG", quantity: 10, averagePrice: 100, updated: .init(1)))
            try await store.upsertPosition(
                .init(strategy: "s1", symbol: "GOOG", quantity: 15, averagePrice: 102, updated: .init(2)))
            try await store.upsertPosition(
                .init(strategy: "s1", symbol: "AAPL", quantity: -5, averagePrice: 180, updated: .init(3)))
            try await store.upsertPosition(
                .init(strategy: "s0", symbol: "GOOG", quantity: 1, averagePrice: 99, updated: .init(4)))
            try expectEqual(
                try await store.positions(),
                [
                    PositionRecord(strategy: "s0", symbol: "GOOG", quantity: 1, averagePrice: 99, updated: .init(4)),
                    PositionRecord(strategy: "s1", symbol: "AAPL", quantity: -5, averagePrice: 180, updated: .init(3)),
                    PositionRecord(strategy: "s1", symbol: "GOOG", quantity: 15, averagePrice: 102, updated: .init(2)),
                ], "positions")
            try expectEqual(try await harness.count("positions"), 3, "rows")
        },
        StoreCheck("a closed position stays, flat") { harness in
            try await harness.store.upsertPosition(
                .init(strategy: "s", symbol: "GOOG", quantity: 3, averagePrice: 10, updated: .init(1)))
            try await harness.store.upsertPosition(
                .init(strategy: "s", symbol: "GOOG", quantity: 0, averagePrice: 0, updated: .init(2)))
            try expectEqual(try await harness.store.positions().map(\.quantity), [0], "quantities")
        },
        StoreCheck("positions survive reopening") { harness in
            let position = PositionRecord(
                strategy: "s", symbol: "GOOG", quantity: 2.5, averagePrice: 1234.5678, updated: .init(9))
            try await harness.store.upsertPosition(position)
            try await harness.store.close()
            let reopened = try await harness.reopen()
            try expectEqual(try await reopened.positions(), [position], "positions")
            try await reopened.close()
        },
        StoreCheck("a NaN position quantity is refused") { harness in
            try await expectError("NaN", matches: \.isInvalidRecord) {
                try await harness.store.upsertPosition(
                    .init(strategy: "s", symbol: "X", quantity: .nan, averagePrice: 1, updated: .init(1)))
            }
        },
    ]

    static let riskAndEquityChecks: [StoreCheck] =
        [
            StoreCheck("risk events get increasing IDs and come back in time order") { harness in
                let store = harness.store
                let first = try await store.recordRiskEvent(
                    RiskEventRecord(
                        time: .init(2000), strategy: "s", symbol: "GOOG", rule: "max_order_notional",
                        decision: .rejected, reason: "notional 12,000 over the 10,000 limit",
                        details: #"{"notional": 12000, "limit": 10000}"#))
                let second = try await store.recordRiskEvent(
                    RiskEventRecord(
                        time: .init(1000), strategy: nil, symbol: nil, rule: "kill_switch", decision: .haltAll,
                        reason: "kill file present"))
                let custom = try await store.recordRiskEvent(
                    RiskEventRecord(
                        time: .init(3000), strategy: "s", symbol: nil, rule: "circuit_breakers.drawdown",
                        decision: .init(rawValue: "pause_one_bar"), reason: "test"))
                let ids = [first.id, second.id, custom.id].compactMap(\.self)
                try expect(ids.count == 3 && ids == ids.sorted() && Set(ids).count == 3, "increasing IDs: \(ids)")
                try expectEqual(try await store.riskEvents(since: .init(0)), [second, first, custom], "all events")
                try expectEqual(try await store.riskEvents(since: .init(2000)), [first, custom], "since 2000")
            },
            StoreCheck("equity at the same time is replaced, not duplicated") { harness in
                let store = harness.store
                try await store.recordRun(Samples.run)
                try await store.recordEquity(.init(runID: "run-1", time: .init(2000), equity: 10_100, cash: 5000))
                try await store.recordEquity(.init(runID: "run-1", time: .init(1000), equity: 10_000, cash: 10_000))
                try await store.recordEquity(.init(runID: "run-1", time: .init(2000), equity: 10_150, cash: 5000))
                try expectEqual(
                    try await store.equitySnapshots(runID: "run-1"),
                    [
                        EquitySnapshotRecord(runID: "run-1", time: .init(1000), equity: 10_000, cash: 10_000),
                        EquitySnapshotRecord(runID: "run-1", time: .init(2000), equity: 10_150, cash: 5000),
                    ], "snapshots")
            },
            StoreCheck("equity needs its run") { harness in
                try await expectError("unknown run", matches: { $0.is(.unknownRun(id: "nope")) }) {
                    try await harness.store.recordEquity(.init(runID: "nope", time: .init(1), equity: 1, cash: 1))
                }
            },
        ]
        + ["{not json", "[1, 2", "NaN", ""].map { details in
            StoreCheck("risk event details must be JSON: `\(details)`") { harness in
                try await expectError("details", matches: \.isInvalidRecord) {
                    try await harness.store.recordRiskEvent(
                        RiskEventRecord(
                            time: .init(1), strategy: "s", symbol: nil, rule: "r", decision: .allowed, reason: "x",
                            details: details))
                }
                try expectEqual(try await harness.count("risk_events"), 0, "events")
            }
        }
}
