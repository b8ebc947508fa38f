import Foundation
import SextantBacktest
import SextantCore
import SextantEngine
import SextantLanguage
import SextantPostgres
import SextantStore
import Testing

/// `sextant run` with `store: postgres://…`: every order and fill recorded in Postgres, and a second
/// run on the same store (a restart) replays without storing anything twice.
@Suite struct EngineStoreTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func anEngineRecordsIntoPostgresAndRestartsOnIt() async throws {
        try await TestServer.withDatabase { location in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-pg-run-\(UUID())")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("Strategies"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Strategies/sma_cross.yaml"),
                to: folder.appendingPathComponent("Strategies/sma.yaml"))
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("examples/data/GOOG.csv"),
                to: folder.appendingPathComponent("GOOG.csv"))
            let engine = folder.appendingPathComponent("engine.yaml").path
            try """
            kind: engine
            name: pg
            strategies: [Strategies/*.yaml]
            venue: {adapter: paper, cash: 10000, commission: 0.2%}
            data: {feed: csv, path: GOOG.csv}
            store: \(location.description)
            """.write(toFile: engine, atomically: true, encoding: .utf8)

            let first = MemoryEventSink()
            let run = try await EngineRun.open(path: engine, events: first)
            try await run.run()
            let store = try #require(run.store)
            let orders = first.events.filter { $0.kind == .order }.compactMap { event -> String? in
                if case .string(let id) = event["client_order_id"] { return id }
                return nil
            }
            #expect(!orders.isEmpty)
            var fills = 0
            for id in orders {
                #expect(try await store.order(clientOrderID: id)?.state == .filled)
                fills += try await store.fills(for: id).count
            }
            let trades = try #require(run.hosts.first).session.book.closedTrades
            #expect(fills == 2 * trades.count + 1)  // every closed trade's entry and exit, and the open entry

            // The run's own records: the run, and its equity at every bar.
            let record = try #require(run.engine.run)
            #expect(try await store.run(id: record.id) == record)
            let snapshots = try await store.equitySnapshots(runID: record.id)
            #expect(snapshots.count == 2148)
            #expect(snapshots.last?.cash == run.hosts.first?.session.book.cash)

            let again = try await EngineRun.open(path: engine, events: MemoryEventSink())
            try await again.run()
            // A restart is a run of its own.
            let rerun = try #require(again.engine.run)
            #expect(rerun.id != record.id)
            #expect(try await store.equitySnapshots(runID: rerun.id).count == 2148)
            #expect(try #require(again.hosts.first).session.book.closedTrades == trades)
            #expect(again.engine.router.placements == 0)
            var refills = 0
            for id in orders { refills += try await store.fills(for: id).count }
            #expect(refills == fills)
            try await store.close()
            try await again.store?.close()
        }
    }
}
