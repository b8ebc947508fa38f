/// The loader's safety limits. Each one turns a hostile or runaway file into a located error
/// instead of a crash, a hang or a memory blow-up; `docs/documents.md` lists them for analysts.
enum YAMLLimits {
    /// The largest file `DocumentLoader.load(path:)` reads (8 MiB).
    static let maxFileBytes = 8 * 1024 * 1024
    /// The deepest nesting of mappings, lists and flow brackets. Yams composes recursively, so the
    /// byte scan enforces this before Yams sees the text.
    static let maxDepth = 64
    /// The most YAML values (scalars and collections) in one file: above this, composing alone takes
    /// longer than a lint run should, and strategy files are hand-written (bar data belongs in CSV).
    static let maxValues = 200_000
    /// The most alias uses (`*name`) in one file. Chained aliases build deep shared trees that are
    /// costly to release; hand-written files need a handful.
    static let maxAliases = 1_000
    /// The most nodes an alias expansion may add while walking the tree ("billion laughs").
    static let maxAliasExpansion = 100_000
    /// The most mappings with duplicate keys repaired and re-parsed before giving up.
    static let maxDuplicateRounds = 16
    /// The most "not text" findings reported before the file is treated as binary.
    static let maxCharacterFindings = 20
}
