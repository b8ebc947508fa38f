#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A shell-style pattern for one path component: `*` matches any run of characters (also none),
/// `?` one character, `[a-z]` one of a set, `\` quotes the next character.
///
/// Matching is `fnmatch(3)` with `FNM_PERIOD`, the rule `glob(3)` applies to each component, so a
/// pattern selects the same files here as in `FileDiscovery.expand` (the engine file's `strategies:`
/// globs): the two can never disagree about which files a strategy set holds. As in the shell, a
/// wildcard never matches a leading `.`, which keeps the swap, lock and temporary files editors put
/// next to a file (`.sma.yaml.swp`, `.#sma.yaml`) out of `*.yaml`; a pattern that starts with a
/// literal `.` still reaches hidden files.
struct GlobPattern: Sendable, Hashable {
    /// The pattern as written.
    let text: String

    /// Creates a pattern.
    init(_ text: String) {
        self.text = text
    }

    /// Whether the pattern holds `*`, `?` or `[`, the characters `glob(3)` expands.
    var hasWildcards: Bool { text.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// Whether a file name (one path component) matches the pattern.
    func matches(_ name: String) -> Bool {
        fnmatch(text, name, FNM_PERIOD) == 0
    }
}
