import Crypto

/// A deterministic client order ID: the same order intent always gets the same ID, so a retry or a
/// restart can never place an order twice (the venue refuses, or the reconciliation finds, the ID it
/// already knows).
///
/// The ID is derived from what makes an intent unique — the strategy version (the content hash of its
/// file), the symbol, the bar time, the rule and the leg — and from nothing else (no clock, no
/// counter, no randomness).
///
/// **Derivation (version 1).** The inputs are encoded without ambiguity, each string as its UTF-8
/// byte count (8 bytes, big-endian) followed by its bytes and each integer as 8 bytes big-endian two's
/// complement, after a domain tag:
///
/// ```
/// field("sextant.client-order-id.v1") field(strategyVersion) field(symbol) i64(barTime) field(rule) i64(leg)
/// ```
///
/// The first 16 bytes of the message's SHA-256 become an RFC 9562 UUID of version 8 ("custom"): the
/// version nibble and the variant bits overwrite 6 of the 128 bits, leaving 122 bits of hash.
/// Strings are hashed as their bytes, without Unicode normalization: the engine feeds its own,
/// stable spellings.
///
/// **Forms.** Venues limit client IDs differently: Binance `^[\.A-Z\:/a-z0-9_-]{1,36}$`, Bybit 36
/// letters, digits, `-` or `_`, Coinbase a UUID, Kraken a UUID (36 with hyphens or 32 hex) or 18
/// characters of text, OKX 1–32 letters and digits, Alpaca up to 128 characters. No single string
/// suits them all, so the ID has two spellings of the same 128 bits: ``rawValue``, the hyphenated
/// lowercase UUID (36 characters: Binance, Bybit, Coinbase, Kraken, Alpaca…), and ``compact``, the 32
/// hex digits without hyphens (OKX). An adapter picks the form its venue takes; ``init(_:)`` reads
/// either back.
public struct ClientOrderID: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical form: a lowercase, hyphenated UUID (8-4-4-4-12 hex digits, 36 characters).
    public let rawValue: String

    /// The ID of one order intent.
    ///
    /// - Parameters:
    ///   - strategyVersion: the strategy version, the content hash of the strategy file.
    ///   - symbol: the instrument.
    ///   - barTime: the open time of the bar the decision was made on, seconds since the Unix epoch.
    ///   - rule: the rule that decided the order.
    ///   - leg: the order's number among the orders one rule makes on one bar (0 for the first). A
    ///     deliberate new attempt for the same intent must use another leg: the same leg *is* a retry.
    public init(strategyVersion: String, symbol: String, barTime: Int64, rule: OrderRule, leg: Int) {
        var message: [UInt8] = []
        message.reserveCapacity(96 + strategyVersion.utf8.count + symbol.utf8.count + rule.rawValue.utf8.count)
        Self.appendField(Self.domain, to: &message)
        Self.appendField(strategyVersion, to: &message)
        Self.appendField(symbol, to: &message)
        Self.appendInteger(barTime, to: &message)
        Self.appendField(rule.rawValue, to: &message)
        Self.appendInteger(Int64(leg), to: &message)
        var bytes = Array(SHA256.hash(data: message).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        self.rawValue = Self.hyphenated(bytes)
    }

    /// Reads an ID in either form (``rawValue`` or ``compact``, any letter case), or `nil` when the text
    /// is not one: a UUID that is not version 8 with the RFC 9562 variant (a v4 UUID, a venue's own
    /// ID) was not made by Sextant.
    public init?(_ text: String) {
        var digits: [UInt8] = []
        digits.reserveCapacity(32)
        let utf8 = Array(text.utf8)
        switch utf8.count {
        case 32:
            digits = utf8
        case 36:
            for (index, byte) in utf8.enumerated() {
                if [8, 13, 18, 23].contains(index) {
                    guard byte == UInt8(ascii: "-") else { return nil }
                } else {
                    digits.append(byte)
                }
            }
        default:
            return nil
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for pair in stride(from: 0, to: 32, by: 2) {
            guard let high = Self.hexValue(digits[pair]), let low = Self.hexValue(digits[pair + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        guard bytes[6] >> 4 == 8, bytes[8] >> 6 == 0b10 else { return nil }
        self.rawValue = Self.hyphenated(bytes)
    }

    /// The same ID as 32 lowercase hex digits, for venues that allow letters and digits only (OKX).
    public var compact: String {
        String(rawValue.filter { $0 != "-" })
    }

    public var description: String { rawValue }

    /// Decodes an ID from a string in either form; anything else is a data error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ClientOrderID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a Sextant client order ID")
        }
        self = id
    }

    /// Encodes the canonical form as a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    // MARK: - Encoding

    /// Separates these hashes from any other SHA-256 of the same fields, and names the derivation's
    /// version: a new derivation gets a new tag, and stored IDs are never re-derived.
    private static let domain = "sextant.client-order-id.v1"

    private static func appendField(_ text: String, to message: inout [UInt8]) {
        appendInteger(Int64(text.utf8.count), to: &message)
        message.append(contentsOf: text.utf8)
    }

    private static func appendInteger(_ value: Int64, to message: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { message.append(contentsOf: $0) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hyphenated(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
