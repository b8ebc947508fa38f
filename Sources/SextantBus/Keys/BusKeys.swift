/// The names of everything Sextant keeps in Redis for one account (`docs/bus.md`):
///
/// | name | what |
/// | --- | --- |
/// | `sextant:<account>:events:<type>` | pub/sub channel per event type (`BusEventType`) |
/// | `sextant:<account>:bar:<symbol>` | string: the latest bar event of the symbol |
/// | `sextant:<account>:engine:<engine>` | hash: the engine's state (`status`, `version`, …) |
/// | `sextant:<account>:heartbeat:<engine>` | string with a TTL: the engine is alive |
/// | `sextant:<account>:leader` | string with a TTL: the token of the engine that may trade |
/// | `sextant:<account>:kill` | string `halt` or `flatten`: the kill switch |
///
/// Accounts and engine ids are restricted to `A–Z a–z 0–9 _ . -` (at most 64) so that a name cannot
/// contain the `:` separator or a `PSUBSCRIBE` glob character; symbols come last and are taken as they are.
public struct BusKeys: Sendable, Equatable {
    /// The first part of every name.
    public static let prefix = "sextant"

    /// The account the engines trade.
    public let account: String

    /// The names for `account`; fails with `BusError.invalidName` if it cannot be part of a key.
    public init(account: String) throws(BusError) {
        try Self.validate(account, kind: "account")
        self.account = account
    }

    private var base: String { "\(Self.prefix):\(account)" }

    /// The channel of one event type.
    public func events(_ type: BusEventType) -> String { "\(base):events:\(type.rawValue)" }
    /// A `PSUBSCRIBE` pattern for every event channel of the account.
    public var allEvents: String { "\(base):events:*" }
    /// The latest bar of `symbol`.
    public func bar(symbol: String) -> String { "\(base):bar:\(symbol)" }
    /// The state hash of engine `engine`.
    public func engine(_ engine: String) -> String { "\(base):engine:\(engine)" }
    /// The heartbeat of engine `engine`.
    public func heartbeat(_ engine: String) -> String { "\(base):heartbeat:\(engine)" }
    /// The leader lock.
    public var leader: String { "\(base):leader" }
    /// The kill switch flag.
    public var kill: String { "\(base):kill" }

    /// Fails unless `name` is 1–64 characters of `A–Z a–z 0–9 _ . -`.
    public static func validate(_ name: String, kind: String) throws(BusError) {
        guard !name.isEmpty else { throw .invalidName(kind: kind, name: name, reason: "it is empty") }
        guard name.utf8.count <= 64 else { throw .invalidName(kind: kind, name: name, reason: "it is over 64 bytes") }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_.-".unicodeScalars.contains($0)
        }
        guard allowed else {
            throw .invalidName(kind: kind, name: name, reason: "only letters, digits, _ . and - may be used")
        }
    }
}
