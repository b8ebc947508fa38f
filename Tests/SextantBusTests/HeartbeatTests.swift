import Foundation
import Testing

@testable import SextantBus

@Suite struct HeartbeatTests {
    /// The sequence number in a heartbeat value.
    static func sequence(_ value: String?) -> Int? {
        guard let data = value?.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["sequence"] as? Int
    }

    @Test func theHeartbeatHasATTLAndIsRefreshed() throws {
        let account = TestRedis.uniqueAccount("hb")
        let keys = try BusKeys(account: account)
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "e1"))
        let admin = try TestRedis.admin()
        let key = keys.heartbeat("e1")
        #expect(TestRedis.eventually { try admin.string(key) != nil })

        let first = try #require(try admin.string(key))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["engine"] as? String == "e1")
        #expect(object["pid"] as? Int == Int(getpid()))
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
        let ttl = try admin.pttl(key)
        #expect(ttl > 0 && ttl <= 1000)

        // Longer than the TTL later, the key is still there with a later sequence: it was written again,
        // with its TTL set again, rather than left to run out.
        let firstSequence = try #require(Self.sequence(first))
        TestRedis.sleep(.milliseconds(1500))
        #expect(TestRedis.eventually { (Self.sequence(try admin.string(key)) ?? 0) > firstSequence + 2 })
        let refreshed = try admin.pttl(key)
        #expect(refreshed > 0 && refreshed <= 1000)

        bus.close()
        #expect(try admin.command(["EXISTS", key]) == .integer(0))
    }

    @Test func aDeadEnginesHeartbeatExpires() throws {
        let account = TestRedis.uniqueAccount("hb")
        let key = try BusKeys(account: account).heartbeat("e1")
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "e1"))
        let admin = try TestRedis.admin()
        #expect(TestRedis.eventually { try admin.string(key) != nil })
        bus.abandon()
        #expect(try admin.string(key) != nil)
        #expect(TestRedis.eventually(timeout: .seconds(3)) { try admin.string(key) == nil })
    }
}
