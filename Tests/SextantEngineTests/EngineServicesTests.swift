import Foundation
import SextantBacktest
import SextantBus
import SextantCore
import SextantEngine
import SextantStore
import Testing

/// `sextant run` with the production services: events on the Redis bus, the account's kill flag
/// obeyed, the leader lock, and a Postgres store. These run against the throwaway servers
/// `scripts/test.sh` starts (`SEXTANT_TEST_REDIS_URL`, `SEXTANT_TEST_POSTGRES_URL`).
@Suite struct EngineServicesTests {
    static func environment(_ name: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            Issue.record("\(name) is not set: run the tests through scripts/test.sh, or start scripts/services.sh")
            throw CocoaError(.featureUnsupported)
        }
        return value
    }

    /// A sandbox whose engine file names the bus and an account of its own.
    static func sandbox(bus: String, account: String, pace: Double = 0) throws -> EngineRunTests.Sandbox {
        let sandbox = try EngineRunTests.Sandbox()
        var text = try String(contentsOfFile: sandbox.engine, encoding: .utf8)
        text = text.replacingOccurrences(of: "name: test", with: "name: \(account)")
        text = text.replacingOccurrences(of: "path: GOOG.csv}", with: "path: GOOG.csv, pace: \(pace)}")
        text += "\nbus: \(bus)\n"
        try text.write(toFile: sandbox.engine, atomically: true, encoding: .utf8)
        return sandbox
    }

    /// Every event goes out on the bus, on its type's channel, byte for byte the events file's line.
    @Test func eventsArePublished() async throws {
        let url = try Self.environment("SEXTANT_TEST_REDIS_URL")
        let account = "engine-\(UUID().uuidString.prefix(8).lowercased())"
        let sandbox = try Self.sandbox(bus: url, account: account)
        defer { sandbox.remove() }
        let keys = try BusKeys(account: account)
        let subscriber = try RedisSubscriber(url: try BusURL(url), channels: [keys.events(.order)])
        defer { subscriber.close() }
        let memory = MemoryEventSink()
        let run = try await EngineRun.open(path: sandbox.engine, events: memory)
        try await run.run()
        let orders = memory.events.filter { $0.kind == .order }
        #expect(!orders.isEmpty)
        var received: [String] = []
        while received.count < orders.count, let delivery = try subscriber.next(timeout: .seconds(5)) {
            received.append(String(decoding: delivery.payload, as: UTF8.self))
        }
        #expect(received == orders.map(EventEncoder.line))
    }

    /// The account's kill flag on the bus stops the engine's orders, as the flag file does.
    @Test func theBusKillFlagHalts() async throws {
        let url = try BusURL(try Self.environment("SEXTANT_TEST_REDIS_URL"))
        let account = "engine-\(UUID().uuidString.prefix(8).lowercased())"
        try BusKillSwitch.engage(.halt, url: url, account: account)
        defer { _ = try? BusKillSwitch.clear(url: url, account: account) }
        let sandbox = try Self.sandbox(bus: url.description, account: account, pace: 0.002)
        defer { sandbox.remove() }
        let memory = MemoryEventSink()
        let run = try await EngineRun.open(path: sandbox.engine, events: memory)
        try await run.run()
        let events = memory.events
        let kill = try #require(events.firstIndex { $0["rule"] == .string("kill_switch") })
        #expect(events[(kill + 1)...].allSatisfy { $0.kind != .order })
    }
}
