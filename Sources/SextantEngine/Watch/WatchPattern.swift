/// One watched path or glob, split into the directory inotify watches and the file-name pattern
/// events in it are filtered by.
///
/// ```swift
/// let pattern = try WatchPattern("Strategies/*.yaml", relativeTo: "/srv/desk")
/// pattern.directory                            // "/srv/desk/Strategies"
/// pattern.matches("/srv/desk/Strategies/sma.yaml")   // true
/// pattern.matches("/srv/desk/Strategies/.sma.yaml.swp")   // false
/// ```
public struct WatchPattern: Sendable, Hashable, CustomStringConvertible {
    /// The watched directory: absolute and lexically normalized.
    public let directory: String
    /// The file-name pattern (`*.yaml`, `risk.yaml`).
    public let name: String
    private let glob: GlobPattern

    /// Parses a pattern. A relative pattern is resolved against `base`, itself an absolute path.
    ///
    /// Only the last component may hold wildcards (`*`, `?`, `[…]`; see `GlobPattern`); `.` and
    /// `..` in the directory part are resolved lexically, without following symbolic links.
    public init(_ pattern: String, relativeTo base: String) throws(FileWatcherError) {
        guard !pattern.isEmpty else { throw .emptyPattern }
        let slash = pattern.lastIndex(of: "/")
        let name = slash.map { String(pattern[pattern.index(after: $0)...]) } ?? pattern
        guard !name.isEmpty, name != ".", name != ".." else { throw .noFileName(pattern) }
        let directoryPart = slash.map { String(pattern[...$0]) } ?? ""
        guard !GlobPattern(directoryPart).hasWildcards else { throw .wildcardInDirectory(pattern) }
        self.directory = WatchPattern.normalize(directoryPart, relativeTo: base)
        self.name = name
        self.glob = GlobPattern(name)
    }

    /// Whether an absolute, normalized path is matched: it lies directly in `directory` and its
    /// file name matches `name`.
    public func matches(_ path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return false }
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        return parent == directory && matches(name: String(path[path.index(after: slash)...]))
    }

    /// Whether a file name in `directory` matches `name`.
    func matches(name candidate: String) -> Bool { glob.matches(candidate) }

    /// The absolute path of a file named `name` in `directory`.
    func path(of fileName: String) -> String {
        directory == "/" ? "/" + fileName : directory + "/" + fileName
    }

    public var description: String { path(of: name) }

    /// Resolves `path` against `base` (when relative) and removes `.`, `..` and empty components
    /// lexically; `..` at the root stays at the root, as the kernel does.
    public static func normalize(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var components: [Substring] = []
        for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
