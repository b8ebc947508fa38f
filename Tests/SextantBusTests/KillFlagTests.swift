import SextantBus
import Testing

@Suite struct KillFlagTests {
    @Test func engagedAndClearedFlagsReachTheEngineWithinAPoll() throws {
        let account = TestRedis.uniqueAccount("kill")
        let url = try TestRedis.url()
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }
        #expect(TestRedis.eventually { bus.statistics.connected })
        #expect(bus.killFlag() == nil)
        #expect(try BusKillSwitch.read(url: url, account: account) == nil)

        try BusKillSwitch.engage(.flatten, url: url, account: account)
        let engaged = ContinuousClock.now
        #expect(TestRedis.eventually { bus.killFlag() == .flatten })
        // The poll is every 20 ms here; the bound leaves room for a loaded machine.
        #expect(ContinuousClock.now - engaged < .seconds(2))
        #expect(try BusKillSwitch.read(url: url, account: account) == .flatten)

        try BusKillSwitch.engage(.halt, url: url, account: account)
        #expect(TestRedis.eventually { bus.killFlag() == .halt })

        #expect(try BusKillSwitch.clear(url: url, account: account))
        #expect(try BusKillSwitch.clear(url: url, account: account) == false)
        #expect(TestRedis.eventually { bus.killFlag() == nil })
    }

    @Test func aFlagWithUnexpectedContentHalts() throws {
        let account = TestRedis.uniqueAccount("kill")
        let keys = try BusKeys(account: account)
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }
        let admin = try TestRedis.admin()
        _ = try admin.command(["SET", keys.kill, "STOP EVERYTHING"])
        #expect(TestRedis.eventually { bus.killFlag() == .halt })
        _ = try admin.command(["DEL", keys.kill])
        #expect(TestRedis.eventually { bus.killFlag() == nil })

        // A key of the wrong type: the engines halt, a tool reading it gets the server's error.
        _ = try admin.command(["HSET", keys.kill, "mode", "flatten"])
        #expect(TestRedis.eventually { bus.killFlag() == .halt })
        #expect {
            try BusKillSwitch.read(url: try TestRedis.url(), account: account)
        } throws: { error in
            guard case .server(_, let message) = error as? BusError else { return false }
            return message.hasPrefix("WRONGTYPE")
        }
        _ = try admin.command(["DEL", keys.kill])
    }
}
