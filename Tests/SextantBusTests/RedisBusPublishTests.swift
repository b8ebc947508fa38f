import Foundation
import SextantBus
import Testing

@Suite struct RedisBusPublishTests {
    @Test func everyEventTypeArrivesOnItsChannelByteForByte() throws {
        let account = TestRedis.uniqueAccount("pub")
        let keys = try BusKeys(account: account)
        let subscriber = try RedisSubscriber(url: try TestRedis.url(), patterns: [keys.allEvents])
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }

        var sent: [BusMessage] = []
        for (index, type) in BusEventType.allCases.enumerated() {
            sent.append(
                BusMessage(type, symbol: "GOOG", line: "{\"type\":\"\(type.rawValue)\",\"n\":\(index),\"s\":\"日本 €\"}"))
        }
        sent.append(BusMessage(.error, payload: Array(0...255)))
        for message in sent { bus.publish(message) }

        var received: [BusDelivery] = []
        while received.count < sent.count, let delivery = try subscriber.next(timeout: .seconds(5)) {
            received.append(delivery)
        }
        #expect(received.map(\.channel) == sent.map { keys.events($0.type) })
        #expect(received.map(\.payload) == sent.map(\.payload))
        #expect(received.allSatisfy { $0.pattern == keys.allEvents })
        // The counter moves once the bus has read Redis's answers, which may be after the subscriber got them.
        #expect(TestRedis.eventually { bus.statistics.published == sent.count })
        #expect(bus.statistics.dropped == 0)
    }

    @Test func aSubscriberOfOneChannelSeesOnlyThatType() throws {
        let account = TestRedis.uniqueAccount("pub")
        let keys = try BusKeys(account: account)
        let subscriber = try RedisSubscriber(url: try TestRedis.url(), channels: [keys.events(.fill)])
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }
        bus.publish(BusMessage(.order, line: "{\"type\":\"order\"}"))
        bus.publish(BusMessage(.fill, line: "{\"type\":\"fill\"}"))
        let delivery = try subscriber.next(timeout: .seconds(5))
        #expect(delivery == BusDelivery(channel: keys.events(.fill), payload: Array("{\"type\":\"fill\"}".utf8)))
        #expect(try subscriber.next(timeout: .milliseconds(100)) == nil)
    }

    @Test func theLatestBarOfEachSymbolIsCached() throws {
        let account = TestRedis.uniqueAccount("bar")
        let keys = try BusKeys(account: account)
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }
        for close in 1...50 {
            bus.publish(BusMessage(.bar, symbol: "GOOG", line: "{\"type\":\"bar\",\"close\":\(close)}"))
            bus.publish(BusMessage(.bar, symbol: "BTC/USD", line: "{\"type\":\"bar\",\"close\":\(close * 10)}"))
        }
        bus.publish(BusMessage(.signal, symbol: "GOOG", line: "{\"type\":\"signal\"}"))
        let admin = try TestRedis.admin()
        #expect(TestRedis.eventually { bus.statistics.published == 101 })
        #expect(try admin.string(keys.bar(symbol: "GOOG")) == "{\"type\":\"bar\",\"close\":50}")
        #expect(try admin.string(keys.bar(symbol: "BTC/USD")) == "{\"type\":\"bar\",\"close\":500}")
        // The cache is the latest value, not an expiring one.
        #expect(try admin.pttl(keys.bar(symbol: "GOOG")) == -1)
        _ = try admin.command(["DEL", keys.bar(symbol: "GOOG"), keys.bar(symbol: "BTC/USD")])
    }

    @Test func theEngineStateHashIsWrittenAndMarkedStoppedOnClose() throws {
        let account = TestRedis.uniqueAccount("state")
        let keys = try BusKeys(account: account)
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "e7", lockTTL: nil))
        bus.setEngineState(["status": "running", "version": "abc123"])
        let admin = try TestRedis.admin()
        func state() throws -> [String: String] {
            guard case .array(let items) = try admin.command(["HGETALL", keys.engine("e7")]) else { return [:] }
            var fields: [String: String] = [:]
            for pair in stride(from: 0, to: items.count - 1, by: 2) {
                fields[items[pair].text ?? ""] = items[pair + 1].text
            }
            return fields
        }
        #expect(TestRedis.eventually { try state()["version"] == "abc123" })
        #expect(try state()["status"] == "running")
        #expect(try state()["pid"] == String(getpid()))
        bus.setEngineState(["version": "def456"])
        #expect(TestRedis.eventually { try state()["version"] == "def456" })
        bus.close()
        #expect(try state()["status"] == "stopped")
        _ = try admin.command(["DEL", keys.engine("e7")])
    }

    @Test func anInvalidAccountOrEngineIdIsRefused() throws {
        #expect(
            throws: BusError.invalidName(
                kind: "account", name: "a:b", reason: "only letters, digits, _ . and - may be used")
        ) {
            try TestRedis.bus(try TestRedis.configuration(account: "a:b"))
        }
        #expect(throws: BusError.invalidName(kind: "engine id", name: "", reason: "it is empty")) {
            try TestRedis.bus(try TestRedis.configuration(account: "ok", engine: ""))
        }
    }
}
