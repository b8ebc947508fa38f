/// The length of one bar: `1m`, `15m`, `4h`, `1d`, `1w`.
public struct Timeframe: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The bar length in seconds.
    public let seconds: Int64
    /// The text it was written as (kept so that diagnostics and reports echo the user's spelling).
    public let text: String

    /// The accepted unit suffixes and their length in seconds.
    public static let units: [(suffix: String, seconds: Int64)] = [
        ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604_800),
    ]

    /// Parses `<positive integer><unit>`; returns nil for anything else.
    public init?(_ text: String) {
        guard let unit = Timeframe.units.first(where: { text.hasSuffix($0.suffix) }) else { return nil }
        let digits = text.dropLast(unit.suffix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            let count = Int64(digits), count >= 1, count <= 1_000_000
        else { return nil }
        self.seconds = count * unit.seconds
        self.text = text
    }

    public var description: String { text }
}
