/// One version of a strategy or risk file: its bytes, their version (hash) and what they compiled to.
///
/// `Compiled` is whatever the engine runs (a planned program, a risk configuration); the reload
/// logic never looks inside it.
public struct LoadedFile<Compiled> {
    /// The file's absolute path (the key it is loaded under).
    public let path: String
    /// The version: `StrategyVersion.of(source)`, the SHA-256 of the bytes in hex, as orders, fills
    /// and the store know it. Two saves with the same bytes are the same version.
    public let version: String
    /// The bytes this version was compiled from (kept for the store and for diffs).
    public let source: [UInt8]
    /// The compiled form.
    public let compiled: Compiled

    /// Creates a version, hashing `source`.
    public init(path: String, source: [UInt8], compiled: Compiled) {
        self.path = path
        self.version = StrategyVersion.of(source)
        self.source = source
        self.compiled = compiled
    }
}

extension LoadedFile: Sendable where Compiled: Sendable {}

extension LoadedFile: Equatable where Compiled: Equatable {}
