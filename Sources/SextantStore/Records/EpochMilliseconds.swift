/// A point in time as whole milliseconds since the Unix epoch (UTC): the one unit of every event time the
/// store keeps (created, updated, fill, risk, equity, first seen).
///
/// Event times are integers rather than `Date` (a `Double`) so that a time written and read back is the
/// same number in SQLite and in Postgres, and so that two events in the same millisecond compare equal on
/// every store. Bar times stay in seconds, as `Bar.time` has them; they are plain `Int64` fields named
/// `barTime`.
///
/// ```swift
/// let now = EpochMilliseconds(1_700_000_000_000)
/// now.seconds  // 1_700_000_000
/// ```
public struct EpochMilliseconds: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var rawValue: Int64

    /// A time from milliseconds since the epoch.
    public init(_ rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// A time from whole seconds since the epoch (a bar time, say).
    public init(seconds: Int64) {
        self.rawValue = seconds * 1000
    }

    /// The time in whole seconds since the epoch, rounding down.
    public var seconds: Int64 {
        rawValue >= 0 ? rawValue / 1000 : (rawValue - 999) / 1000
    }

    public var description: String { "\(rawValue) ms" }

    public static func < (lhs: EpochMilliseconds, rhs: EpochMilliseconds) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Decodes a bare integer, so JSON and stored rows carry the number itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        rawValue = try container.decode(Int64.self)
    }

    /// Encodes a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
