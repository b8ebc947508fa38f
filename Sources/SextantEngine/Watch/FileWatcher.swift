#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches strategy and config files and reports each save as one debounced `FileChange`.
///
/// inotify watches the *directories* of the patterns, not the files: an editor that saves by
/// writing a temporary file and renaming it over the original replaces the inode, which would end
/// a watch on the file itself. Events are filtered by the patterns' file names (`*`, `?` and `[…]`
/// within the name; see `WatchPattern`) and debounced per path (see `ChangeDebouncer`), so a save
/// comes out as one `.changed` whatever sequence of renames, creates and writes made it.
///
/// ```swift
/// let watcher = try FileWatcher(watching: ["Strategies/*.yaml", "Config/risk.yaml"], relativeTo: root)
/// for path in watcher.initialFiles { load(path) }
/// for await change in watcher.changes { reload(change) }
/// ```
///
/// The stream ends when `stop()` is called, when the watcher is released, or when the task
/// iterating it is cancelled; keep the watcher alive while you read `changes`.
public final class FileWatcher: Sendable {
    /// The debounced changes, in the order they were decided.
    public let changes: AsyncStream<FileChange>
    /// The patterns, resolved to absolute directories.
    public let patterns: [WatchPattern]
    /// The matching files that existed when watching began, sorted: load these at start, and the
    /// stream reports every change from that state on.
    public let initialFiles: [String]
    #if canImport(Glibc)
        private let session: InotifySession
    #endif

    /// Starts watching.
    ///
    /// - Parameters:
    ///   - patterns: files or globs (`Strategies/*.yaml`, `Config/risk.yaml`); relative ones are
    ///     resolved against `baseDirectory`.
    ///   - baseDirectory: the directory relative patterns start from (itself resolved against the
    ///     current directory when relative); the current directory when nil.
    ///   - debounce: how long a file must be quiet before its change is reported. Saves finish in
    ///     well under a millisecond; the default leaves room for a loaded machine.
    ///   - maximumDelay: the longest a change is held back by a writer that keeps the file open or
    ///     events that never pause.
    ///   - rewatchInterval: how often a directory that is missing (or vanished) is tried again.
    /// - Throws: `FileWatcherError` for a malformed pattern or when inotify is unavailable. A
    ///   missing directory is not an error: it is reported on the stream and watched once it exists.
    public init(
        watching patterns: [String], relativeTo baseDirectory: String? = nil, debounce: Duration = .milliseconds(20),
        maximumDelay: Duration = .seconds(1), rewatchInterval: Duration = .seconds(1)
    ) throws(FileWatcherError) {
        let current = FileWatcher.currentDirectory()
        let base = WatchPattern.normalize(baseDirectory ?? current, relativeTo: current)
        var resolved: [WatchPattern] = []
        for pattern in patterns { resolved.append(try WatchPattern(pattern, relativeTo: base)) }
        self.patterns = resolved
        let (stream, continuation) = AsyncStream.makeStream(of: FileChange.self, bufferingPolicy: .unbounded)
        self.changes = stream
        #if canImport(Glibc)
            let session = try InotifySession(
                patterns: resolved, debounce: debounce, maximumDelay: maximumDelay, rewatchInterval: rewatchInterval,
                continuation: continuation)
            self.session = session
            self.initialFiles = session.initialFiles
            continuation.onTermination = { [weak session] _ in session?.stop() }
            session.start()
        #else
            throw .unsupportedPlatform
        #endif
    }

    /// Stops watching and finishes `changes`. Changes still waiting out their debounce are dropped.
    public func stop() {
        #if canImport(Glibc)
            session.stop()
        #endif
    }

    deinit { stop() }

    private static func currentDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "/" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
