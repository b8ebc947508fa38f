/// One debounced change to a watched file, as `FileWatcher` reports it.
///
/// A change compares the file's existence now with its existence at the previous report, so the
/// many kernel events of one save (write a temporary file, rename it over the old one…) come out
/// as one change. Paths are absolute and lexically normalized (no `.`, `..` or doubled slashes):
/// the same file always has the same key, whatever form its watch pattern was written in.
///
/// ```swift
/// for await change in watcher.changes {
///     if case .changed(let path) = change { print("reload", path) }
/// }
/// ```
public enum FileChange: Sendable, Hashable, CustomStringConvertible {
    /// A file that did not exist at the previous report exists now.
    case created(String)
    /// A file that existed at the previous report was written, replaced (rename-save, `mv` or `cp`
    /// over it) or deleted and re-created. Its bytes may be the same: editors rewrite files that
    /// they did not change, so compare content before acting.
    case changed(String)
    /// A file that existed at the previous report no longer exists.
    case deleted(String)
    /// A watched directory does not exist, was removed or renamed away, or cannot be watched.
    /// Its files are reported `deleted` separately; watching resumes when it can be watched again,
    /// and the files found then are reported `created` (or `changed` if they never went away).
    case directoryUnavailable(String)

    /// The file's (or, for `directoryUnavailable`, the directory's) absolute path.
    public var path: String {
        switch self {
        case .created(let path), .changed(let path), .deleted(let path), .directoryUnavailable(let path):
            return path
        }
    }

    public var description: String {
        switch self {
        case .created(let path): return "created \(path)"
        case .changed(let path): return "changed \(path)"
        case .deleted(let path): return "deleted \(path)"
        case .directoryUnavailable(let path): return "directory unavailable \(path)"
        }
    }
}
