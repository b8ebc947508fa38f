import Foundation
import SextantBus
import Testing

@testable import SextantBus

@Suite struct ReconnectTests {
    /// Receives until `count` deliveries came (or 5 s passed without one).
    static func receive(_ count: Int, from subscriber: RedisSubscriber) throws -> [String] {
        var texts: [String] = []
        while texts.count < count, let delivery = try subscriber.next(timeout: .seconds(5)) {
            texts.append(delivery.text)
        }
        return texts
    }

    @Test func afterItsConnectionIsKilledTheBusReconnectsAndRecovers() throws {
        let account = TestRedis.uniqueAccount("reconnect")
        let keys = try BusKeys(account: account)
        let subscriber = try RedisSubscriber(url: try TestRedis.url(), patterns: [keys.allEvents])
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "e1"))
        defer { bus.close() }
        bus.setEngineState(["status": "running"])
        #expect(TestRedis.eventually { bus.isLeader })
        for index in 0..<5 { bus.publish(BusMessage(.order, line: "before \(index)")) }
        #expect(try Self.receive(5, from: subscriber) == (0..<5).map { "before \($0)" })

        // What a restarted server would have lost.
        let admin = try TestRedis.admin()
        _ = try admin.command(["DEL", keys.heartbeat("e1"), keys.engine("e1")])
        try RedisConnectionTests.killClients(named: "sextant:\(account):e1")
        for index in 0..<5 { bus.publish(BusMessage(.order, line: "after \(index)")) }

        // Every message published after the kill arrives (a message whose batch broke may come twice).
        let after = try Self.receive(5, from: subscriber)
        #expect(Set(after) == Set((0..<5).map { "after \($0)" }))
        #expect(TestRedis.eventually { bus.statistics.reconnects >= 1 })
        #expect(bus.statistics.connected)
        #expect(TestRedis.eventually { try admin.string(keys.heartbeat("e1")) != nil })
        #expect(
            TestRedis.eventually { try admin.command(["HGET", keys.engine("e1"), "status"]).text == "running" })
        // The lock survived: the key was never lost, and the renewal went on over the new connection.
        #expect(TestRedis.eventually { bus.isLeader })
        #expect(try admin.string(keys.leader) == bus.lockToken)
    }

    @Test func whileRedisIsDownTradingGoesOnButLeadershipRunsOutThenEverythingRecovers() throws {
        let server = try PrivateRedisServer()
        try server.start()
        let account = TestRedis.uniqueAccount("outage")
        let keys = try BusKeys(account: account)
        var configuration = try TestRedis.configuration(account: account, url: server.url, lockTTL: .seconds(1))
        configuration.queueCapacity = 5
        let bus = try TestRedis.bus(configuration)
        defer { bus.close(flushTimeout: .milliseconds(100)) }
        #expect(TestRedis.eventually { bus.isLeader })

        server.stop()
        let down = ContinuousClock.now
        // Publishing never waits for Redis and never fails: 20 messages into a queue of 5.
        for index in 0..<20 { bus.publish(BusMessage(.fill, line: "fill \(index)")) }
        #expect(ContinuousClock.now - down < .milliseconds(300))
        // With nobody answering, the lease runs out by itself: at most the TTL after the last renewal.
        #expect(TestRedis.eventually { !bus.isLeader })
        #expect(ContinuousClock.now - down < .seconds(1) + .milliseconds(500))
        #expect(!bus.mayTrade)
        #expect(TestRedis.eventually { !bus.statistics.connected })
        let stats = bus.statistics
        #expect(stats.dropped == 15)
        #expect(stats.queued == 5)
        #expect(stats.lastError?.contains("127.0.0.1:\(server.port)") == true)

        try server.start()
        let subscriber = try RedisSubscriber(url: server.url, patterns: [keys.allEvents])
        // The five newest messages were kept and are sent once the bus is back; the subscriber may have
        // joined after some went out, so only which ones it saw is checked.
        #expect(TestRedis.eventually { bus.statistics.published == 5 })
        #expect(TestRedis.eventually { bus.isLeader })
        #expect(bus.statistics.reconnects >= 1)
        let admin = try TestRedis.admin(server.url)
        #expect(try admin.string(keys.leader) == bus.lockToken)
        #expect(TestRedis.eventually { try admin.string(keys.heartbeat("e1")) != nil })
        bus.publish(BusMessage(.fill, line: "fill after"))
        var texts: [String] = []
        while let delivery = try subscriber.next(timeout: .seconds(5)) {
            texts.append(delivery.text)
            if delivery.text == "fill after" { break }
        }
        #expect(texts.last == "fill after")
        #expect(texts.dropLast().allSatisfy { ["fill 15", "fill 16", "fill 17", "fill 18", "fill 19"].contains($0) })
    }

    @Test func anUnreachableServerNeitherCrashesNorBlocks() throws {
        let url = try BusURL("redis://:topsecret@127.0.0.1:1")
        let bus = try TestRedis.bus(try TestRedis.configuration(account: TestRedis.uniqueAccount("down"), url: url))
        let start = ContinuousClock.now
        for index in 0..<100 { bus.publish(BusMessage(.bar, symbol: "GOOG", line: "bar \(index)")) }
        #expect(ContinuousClock.now - start < .milliseconds(300))
        #expect(TestRedis.eventually { bus.statistics.lastError != nil })
        let stats = bus.statistics
        #expect(!stats.connected)
        #expect(stats.published == 0)
        #expect(stats.lastError == "cannot connect to Redis at 127.0.0.1:1: Connection refused")
        #expect(!bus.mayTrade)
        #expect(bus.killFlag() == nil)
        let closing = ContinuousClock.now
        bus.close()
        #expect(ContinuousClock.now - closing < .seconds(2))
        #expect(bus.statistics.dropped == 100)
    }
}
