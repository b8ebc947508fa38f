import Foundation
import SextantEngine
import Testing

/// Deterministic client order IDs: stable across runs and machines, sensitive to every input, and
/// unambiguous at field boundaries.
@Suite struct ClientOrderIDTests {
    typealias Inputs = (version: String, symbol: String, barTime: Int64, rule: OrderRule, leg: Int)

    static let base: Inputs = (OrderFixtures.version, "BTCUSDT", 1_700_000_000, .entryLong, 0)

    static func id(_ inputs: Inputs) -> ClientOrderID {
        ClientOrderID(
            strategyVersion: inputs.version, symbol: inputs.symbol, barTime: inputs.barTime, rule: inputs.rule,
            leg: inputs.leg)
    }

    /// Golden values computed independently with Python's hashlib:
    ///
    /// ```python
    /// import hashlib, struct, uuid
    /// def f(s): b = s.encode(); return struct.pack('>Q', len(b)) + b
    /// def coid(version, symbol, bar, rule, leg):
    ///     m = (f('sextant.client-order-id.v1') + f(version) + f(symbol) + struct.pack('>q', bar)
    ///          + f(rule) + struct.pack('>q', leg))
    ///     b = bytearray(hashlib.sha256(m).digest()[:16])
    ///     b[6] = b[6] & 0x0f | 0x80; b[8] = b[8] & 0x3f | 0x80
    ///     return str(uuid.UUID(bytes=bytes(b)))
    /// ```
    @Test(
        arguments: [
            (base, "6a1f46bb-7dc8-8379-910b-bb5be5a92174"),
            ((OrderFixtures.version, "GOOG", -86_400, .stopLoss, 3), "c31545e8-6a21-8440-8f97-7a2c77eb136f"),
            (("", "", 0, "", 0), "970e5191-e0ce-8821-b59c-f333c71fd6a2"),
        ] as [(Inputs, String)])
    func goldenValue(_ inputs: Inputs, _ expected: String) {
        #expect(Self.id(inputs).rawValue == expected)
        #expect(Self.id(inputs) == Self.id(inputs))
    }

    /// Changing any one input changes the ID.
    @Test(
        arguments: [
            (OrderFixtures.version.uppercased(), base.symbol, base.barTime, base.rule, base.leg),
            (base.version, "BTCUSD", base.barTime, base.rule, base.leg),
            (base.version, base.symbol, base.barTime + 60, base.rule, base.leg),
            (base.version, base.symbol, base.barTime, .entryShort, base.leg),
            (base.version, base.symbol, base.barTime, base.rule, 1),
            (base.version, base.symbol, -base.barTime, base.rule, base.leg),
            (base.version, base.symbol, base.barTime, base.rule, -1),
        ] as [Inputs])
    func everyInputMatters(_ inputs: Inputs) {
        #expect(Self.id(inputs) != Self.id(Self.base))
    }

    /// Moving bytes from one field to the next changes the ID: each field is length-prefixed.
    @Test(
        arguments: [
            (("ab", "c", 0, "r", 0), ("a", "bc", 0, "r", 0)),
            (("v", "BTC", 0, "USDT.x", 0), ("v", "BTCUSDT", 0, ".x", 0)),
            (("v", "", 0, "entry.long", 0), ("v", "entry.long", 0, "", 0)),
            (("", "v", 0, "r", 0), ("v", "", 0, "r", 0)),
            (("v", "s", 1, "r", 0), ("v", "s", 0, "r", 1)),
            (("v", "s\u{0}", 0, "r", 0), ("v", "s", 0, "\u{0}r", 0)),
        ] as [(Inputs, Inputs)])
    func fieldBoundariesAreUnambiguous(_ first: Inputs, _ second: Inputs) {
        #expect(Self.id(first) != Self.id(second))
    }

    /// The canonical form is a version-8 RFC 9562 UUID that Binance's pattern accepts; the compact form
    /// is 32 letters and digits (OKX), and both read back to the same ID.
    @Test func formsSuitTheVenues() throws {
        let id = Self.id(Self.base)
        let binance = try Regex(#"^[\.A-Z\:/a-z0-9_-]{1,36}$"#)
        #expect(id.rawValue.count == 36)
        #expect(try binance.wholeMatch(in: id.rawValue) != nil)
        #expect(UUID(uuidString: id.rawValue) != nil)
        let characters = Array(id.rawValue)
        #expect(characters[14] == "8")
        #expect("89ab".contains(characters[19]))

        #expect(id.compact.count == 32)
        #expect(id.compact.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(ClientOrderID(id.compact) == id)
        #expect(ClientOrderID(id.rawValue) == id)
        #expect(ClientOrderID(id.rawValue.uppercased()) == id)
        #expect(id.description == id.rawValue)
    }

    /// Text that is not a Sextant ID does not read as one: a v4 UUID (a venue's or a person's), wrong
    /// lengths, misplaced hyphens, non-hex digits.
    @Test(arguments: [
        "d15708c1-dbb6-465d-b77d-47258319cc90",
        "6a1f46bb-7dc8-8379-c10b-bb5be5a92174",
        "6a1f46bb7dc88379-910b-bb5be5a92174",
        "6a1f46bb-7dc88379-910b-bb5b-e5a92174",
        "6a1f46bb-7dc8-8379-910b-bb5be5a9217g",
        "6a1f46bb-7dc8-8379-910b-bb5be5a9217",
        "",
        "OCNNCT-MEB2I-2XGM7L",
    ])
    func foreignTextIsNotAnID(_ text: String) {
        #expect(ClientOrderID(text) == nil)
    }

    /// JSON is the bare canonical string; a string that is not an ID fails to decode.
    @Test func codesAsAString() throws {
        let id = Self.id(Self.base)
        let data = try JSONEncoder().encode(id)
        #expect(String(decoding: data, as: UTF8.self) == "\"6a1f46bb-7dc8-8379-910b-bb5be5a92174\"")
        #expect(try JSONDecoder().decode(ClientOrderID.self, from: data) == id)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ClientOrderID.self, from: Data("\"not-an-id\"".utf8))
        }
    }

    /// An order's ID is the ID of its intent: equal orders' IDs are equal, whatever their quantity.
    @Test func orderDerivesItsID() {
        var order = OrderFixtures.order
        #expect(order.clientOrderID == Self.id(Self.base))
        order.quantity = 99
        #expect(order.clientOrderID == Self.id(Self.base))
    }
}
