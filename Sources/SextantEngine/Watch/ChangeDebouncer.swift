/// Turns the raw file events of a watched set into debounced `FileChange`s: pure logic, with time
/// and the file system's current state passed in, so every sequence can be tested without disk.
///
/// Each path with events is *pending* until it has been quiet for `interval`. A pending path is
/// then reported by comparing whether it exists now with whether it existed at its previous
/// report, never by replaying the events: an editor's rename-save (`MOVED_TO`), vim's
/// backup-and-write (`MOVED_FROM`, `CREATE`, `CLOSE_WRITE`), `sed -i` or a delete followed by a
/// re-create all existed before and exist after, so each is one `changed`. A temporary file that
/// came and went is nothing.
struct ChangeDebouncer {
    /// What the kernel said happened to a path.
    enum Signal: Sendable, Hashable {
        /// `IN_CREATE`: a writer created the file and may still be writing it.
        case created
        /// `IN_CLOSE_WRITE`: a writer closed it.
        case closedAfterWrite
        /// `IN_MOVED_TO`: a complete file was renamed into place.
        case movedIn
        /// `IN_DELETE` or `IN_MOVED_FROM`.
        case removed
        /// Something may have happened (queue overflow, directory lost or found again).
        case unknown
    }

    private struct Pending {
        var first: ContinuousClock.Instant
        var last: ContinuousClock.Instant
        /// Created and not yet closed: a report now could catch it half-written.
        var awaitingClose: Bool
    }

    /// How long a path must be quiet before it is reported.
    let interval: Duration
    /// The longest a path is held pending: by a writer that keeps the file open, or by events
    /// that never stop. Past it the path is reported anyway.
    let maximumDelay: Duration
    /// The watched files that existed at their previous report (or at the start).
    private(set) var known: Set<String>
    private var pending: [String: Pending] = [:]

    /// Creates a debouncer that starts out knowing the files that exist now.
    init(interval: Duration, maximumDelay: Duration, known: Set<String>) {
        self.interval = interval
        self.maximumDelay = max(interval, maximumDelay)
        self.known = known
    }

    /// Whether any path is waiting to be reported.
    var isIdle: Bool { pending.isEmpty }

    /// Notes an event for a path.
    mutating func record(_ signal: Signal, for path: String, at now: ContinuousClock.Instant) {
        var entry = pending[path] ?? Pending(first: now, last: now, awaitingClose: false)
        entry.last = now
        switch signal {
        case .created: entry.awaitingClose = true
        case .closedAfterWrite, .movedIn, .removed: entry.awaitingClose = false
        case .unknown: break
        }
        pending[path] = entry
    }

    /// Marks every known file under `directory` as possibly changed (the directory went away).
    mutating func recordKnownFiles(in directory: String, at now: ContinuousClock.Instant) {
        let prefix = directory == "/" ? "/" : directory + "/"
        for path in known where path.hasPrefix(prefix) && !path.dropFirst(prefix.count).contains("/") {
            record(.unknown, for: path, at: now)
        }
    }

    /// When the earliest pending path becomes due, or nil when none is pending.
    var nextDeadline: ContinuousClock.Instant? {
        pending.values.map(deadline(of:)).min()
    }

    /// Reports every pending path that is due at `now`, sorted by path; `exists` says whether a
    /// path is a file now.
    mutating func flush(at now: ContinuousClock.Instant, exists: (String) -> Bool) -> [FileChange] {
        let due = pending.filter { deadline(of: $0.value) <= now }.keys.sorted()
        var changes: [FileChange] = []
        for path in due {
            pending[path] = nil
            let existed = known.contains(path)
            let existsNow = exists(path)
            switch (existed, existsNow) {
            case (true, true): changes.append(.changed(path))
            case (false, true): changes.append(.created(path))
            case (true, false): changes.append(.deleted(path))
            case (false, false): continue
            }
            if existsNow { known.insert(path) } else { known.remove(path) }
        }
        return changes
    }

    private func deadline(of entry: Pending) -> ContinuousClock.Instant {
        let cap = entry.first + maximumDelay
        return entry.awaitingClose ? cap : min(entry.last + interval, cap)
    }
}
