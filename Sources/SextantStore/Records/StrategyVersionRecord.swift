/// One version of a strategy file, identified by the hash of its content.
///
/// Every order points at the version that decided it, so any fill can be traced back to the exact text
/// of the rules that produced it, even after the file was edited and hot-reloaded.
public struct StrategyVersionRecord: Sendable, Hashable, Codable {
    /// Hash of the file's bytes (the engine's choice of hash, as lowercase hex); the primary key.
    public var contentHash: String
    /// The strategy's `name:`.
    public var name: String
    /// Where the file was read from when this version was first seen.
    public var path: String
    /// The whole file as it was loaded.
    public var source: String
    /// When this content was first recorded.
    public var firstSeen: EpochMilliseconds
    /// When this content was last recorded: a file reverted to an older text becomes the latest again.
    public var lastSeen: EpochMilliseconds

    /// Creates a record.
    public init(
        contentHash: String, name: String, path: String, source: String,
        firstSeen: EpochMilliseconds, lastSeen: EpochMilliseconds
    ) {
        self.contentHash = contentHash
        self.name = name
        self.path = path
        self.source = source
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    /// A version seen for the first time at `time` (first and last seen both `time`).
    public init(contentHash: String, name: String, path: String, source: String, seenAt time: EpochMilliseconds) {
        self.init(contentHash: contentHash, name: name, path: path, source: source, firstSeen: time, lastSeen: time)
    }
}
