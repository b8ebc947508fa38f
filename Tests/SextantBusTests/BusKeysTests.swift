import SextantBus
import Testing

@Suite struct BusKeysTests {
    @Test func theDocumentedNames() throws {
        let keys = try BusKeys(account: "paper-1")
        #expect(keys.events(.fill) == "sextant:paper-1:events:fill")
        #expect(keys.allEvents == "sextant:paper-1:events:*")
        #expect(keys.bar(symbol: "BTC/USD") == "sextant:paper-1:bar:BTC/USD")
        #expect(keys.engine("e1") == "sextant:paper-1:engine:e1")
        #expect(keys.heartbeat("e1") == "sextant:paper-1:heartbeat:e1")
        #expect(keys.leader == "sextant:paper-1:leader")
        #expect(keys.kill == "sextant:paper-1:kill")
    }

    @Test func everyEventTypeOfTheEventsFileHasAChannel() {
        #expect(BusEventType.allCases.map(\.rawValue) == ["bar", "signal", "order", "fill", "risk", "reload", "error"])
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("a:b", "only letters, digits, _ . and - may be used"),
        ("acc*", "only letters, digits, _ . and - may be used"),
        ("with space", "only letters, digits, _ . and - may be used"),
        ("é", "only letters, digits, _ . and - may be used"),
        (String(repeating: "a", count: 65), "it is over 64 bytes"),
    ])
    func refusesNamesThatWouldBreakTheScheme(_ name: String, _ reason: String) {
        #expect(throws: BusError.invalidName(kind: "account", name: name, reason: reason)) {
            try BusKeys(account: name)
        }
    }

    @Test(arguments: [
        ("halt", BusKillMode.halt), ("flatten", .flatten), (" Flatten\n", .flatten), ("", .halt), ("stop", .halt),
    ])
    func killFlagValues(_ value: String, _ mode: BusKillMode) {
        #expect(BusKillMode(flagValue: value) == mode)
    }
}
