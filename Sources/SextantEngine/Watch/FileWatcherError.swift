/// Why a `FileWatcher` could not be created.
public enum FileWatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A pattern was empty.
    case emptyPattern
    /// A pattern does not end in a file name (`Strategies/`, `..`).
    case noFileName(String)
    /// A pattern has `*`, `?` or `[` in a directory component: only the file name may have wildcards,
    /// because only existing directories can be watched.
    case wildcardInDirectory(String)
    /// `inotify_init1` failed with this `errno` (`EMFILE`: too many inotify instances).
    case inotifyUnavailable(errno: Int32)
    /// The platform has no inotify (file watching is implemented for Linux only).
    case unsupportedPlatform

    public var description: String {
        switch self {
        case .emptyPattern:
            return "empty watch pattern"
        case .noFileName(let pattern):
            return "watch pattern '\(pattern)' does not end in a file name"
        case .wildcardInDirectory(let pattern):
            return "watch pattern '\(pattern)' has a wildcard in a directory; only the file name may have one"
        case .inotifyUnavailable(let code):
            return "cannot create an inotify instance (errno \(code))"
        case .unsupportedPlatform:
            return "file watching needs inotify, which this platform does not have"
        }
    }
}
