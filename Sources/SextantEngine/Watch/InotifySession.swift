#if canImport(Glibc)
    import Dispatch
    import Glibc

    /// The inotify instance behind a `FileWatcher`: it watches directories, filters their events by
    /// the patterns, feeds a `ChangeDebouncer` and yields what it reports.
    ///
    /// Every mutable property is touched only on `queue` (the sources' handlers run there), which is
    /// what makes the `@unchecked Sendable` sound. The dispatch sources retain the session until
    /// `stop()` cancels them.
    final class InotifySession: @unchecked Sendable {
        /// Directory events that make up a save, plus the directory's own removal or rename.
        /// `IN_ONLYDIR` makes the watch fail on a path that is not a directory.
        static let watchMask =
            UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
            | UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

        /// The matching files present when the watches were added.
        let initialFiles: [String]

        private let queue = DispatchQueue(label: "sextant.file-watcher")
        private let descriptor: Int32
        private let patternsByDirectory: [String: [WatchPattern]]
        private let rewatchInterval: Duration
        private let continuation: AsyncStream<FileChange>.Continuation
        private var directoriesByWatch: [Int32: [String]] = [:]
        private var unavailable: Set<String> = []
        private var debouncer: ChangeDebouncer
        /// Large enough for hundreds of events per `read`; one record is at most 16 + NAME_MAX + 1.
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        private var readSource: (any DispatchSourceRead)?
        private var flushTimer: (any DispatchSourceTimer)?
        private var rewatchTimer: (any DispatchSourceTimer)?
        private var stopped = false

        /// Creates the inotify instance and watches every pattern's directory. A directory that
        /// cannot be watched is reported `directoryUnavailable` once the session starts.
        init(
            patterns: [WatchPattern], debounce: Duration, maximumDelay: Duration, rewatchInterval: Duration,
            continuation: AsyncStream<FileChange>.Continuation
        ) throws(FileWatcherError) {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard descriptor >= 0 else { throw .inotifyUnavailable(errno: errno) }
            self.descriptor = descriptor
            self.patternsByDirectory = Dictionary(grouping: patterns, by: \.directory)
            self.rewatchInterval = rewatchInterval
            self.continuation = continuation

            var directoriesByWatch: [Int32: [String]] = [:]
            var unavailable: Set<String> = []
            var files: [String] = []
            for directory in patternsByDirectory.keys.sorted() {
                // Watch first, then list: a file created in between is seen twice (and reported
                // `changed`), never missed.
                guard let watch = InotifySession.addWatch(descriptor, directory) else {
                    unavailable.insert(directory)
                    continue
                }
                directoriesByWatch[watch, default: []].append(directory)
                files += InotifySession.matchingFiles(in: directory, patterns: patternsByDirectory[directory] ?? [])
            }
            self.directoriesByWatch = directoriesByWatch
            self.unavailable = unavailable
            self.initialFiles = files.sorted()
            self.debouncer = ChangeDebouncer(interval: debounce, maximumDelay: maximumDelay, known: Set(files))
        }

        /// Starts reading events; call once.
        func start() {
            queue.sync {
                let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
                let descriptor = descriptor
                source.setEventHandler { [self] in drain() }
                // Closing in the cancel handler guarantees no handler still reads the descriptor.
                source.setCancelHandler { _ = close(descriptor) }
                readSource = source
                let timer = DispatchSource.makeTimerSource(queue: queue)
                timer.setEventHandler { [self] in flush() }
                timer.schedule(deadline: .distantFuture)
                flushTimer = timer
                source.activate()
                timer.activate()
                for directory in unavailable.sorted() { continuation.yield(.directoryUnavailable(directory)) }
                if !unavailable.isEmpty { startRewatching() }
            }
        }

        /// Stops watching and finishes the stream; safe to call more than once, from anywhere
        /// (the stream's termination handler calls it on the consumer's side).
        func stop() {
            queue.async { [self] in
                guard !stopped else { return }
                stopped = true
                flushTimer?.cancel()
                rewatchTimer?.cancel()
                if let readSource { readSource.cancel() } else { _ = close(descriptor) }
                flushTimer = nil
                rewatchTimer = nil
                readSource = nil
                continuation.finish()
            }
        }

        private func drain() {
            let now = ContinuousClock.now
            while !stopped {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    let events = buffer.withUnsafeBytes {
                        InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[..<count]))
                    }
                    for event in events { handle(event, at: now) }
                    continue
                }
                // A signal can interrupt the read; anything else (EAGAIN: drained) ends this round,
                // and the source fires again when there is more.
                if count < 0, errno == EINTR { continue }
                break
            }
            scheduleFlush()
        }

        private func handle(_ event: InotifyEvent, at now: ContinuousClock.Instant) {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                recordEverything(at: now)
                return
            }
            // Events still queued for a watch that was removed are stale.
            guard let directories = directoriesByWatch[event.watch] else { return }
            if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT) != 0 {
                lose(event.watch, at: now)
                return
            }
            guard !event.name.isEmpty, event.mask & UInt32(IN_ISDIR) == 0,
                let signal = InotifySession.signal(for: event.mask)
            else { return }
            for directory in directories {
                let patterns = patternsByDirectory[directory] ?? []
                if let pattern = patterns.first(where: { $0.matches(name: event.name) }) {
                    debouncer.record(signal, for: pattern.path(of: event.name), at: now)
                }
            }
        }

        private func flush() {
            let changes = debouncer.flush(at: .now, exists: InotifySession.isRegularFile)
            for change in changes { continuation.yield(change) }
            scheduleFlush()
        }

        private func scheduleFlush() {
            guard let flushTimer, let deadline = debouncer.nextDeadline else {
                flushTimer?.schedule(deadline: .distantFuture)
                return
            }
            flushTimer.schedule(
                deadline: .now() + InotifySession.dispatchInterval(ContinuousClock.now.duration(to: deadline)))
        }

        private func lose(_ watch: Int32, at now: ContinuousClock.Instant) {
            let directories = directoriesByWatch.removeValue(forKey: watch) ?? []
            // After IN_MOVE_SELF the watch follows the directory to its new name, which is no
            // longer the path we were asked for; after a deletion this fails harmlessly (EINVAL).
            _ = inotify_rm_watch(descriptor, watch)
            for directory in directories {
                unavailable.insert(directory)
                continuation.yield(.directoryUnavailable(directory))
                debouncer.recordKnownFiles(in: directory, at: now)
            }
            startRewatching()
        }

        private func recordEverything(at now: ContinuousClock.Instant) {
            for directories in directoriesByWatch.values {
                for directory in directories {
                    debouncer.recordKnownFiles(in: directory, at: now)
                    let patterns = patternsByDirectory[directory] ?? []
                    for path in InotifySession.matchingFiles(in: directory, patterns: patterns) {
                        debouncer.record(.unknown, for: path, at: now)
                    }
                }
            }
        }

        private func startRewatching() {
            guard rewatchTimer == nil, !unavailable.isEmpty else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let interval = InotifySession.dispatchInterval(rewatchInterval)
            timer.schedule(deadline: .now() + interval, repeating: interval)
            timer.setEventHandler { [self] in rewatch() }
            rewatchTimer = timer
            timer.activate()
        }

        private func rewatch() {
            let now = ContinuousClock.now
            for directory in unavailable.sorted() {
                guard let watch = InotifySession.addWatch(descriptor, directory) else { continue }
                unavailable.remove(directory)
                directoriesByWatch[watch, default: []].append(directory)
                let patterns = patternsByDirectory[directory] ?? []
                for path in InotifySession.matchingFiles(in: directory, patterns: patterns) {
                    debouncer.record(.unknown, for: path, at: now)
                }
            }
            if unavailable.isEmpty {
                rewatchTimer?.cancel()
                rewatchTimer = nil
            }
            scheduleFlush()
        }

        private static func signal(for mask: UInt32) -> ChangeDebouncer.Signal? {
            if mask & UInt32(IN_CREATE) != 0 { return .created }
            if mask & UInt32(IN_CLOSE_WRITE) != 0 { return .closedAfterWrite }
            if mask & UInt32(IN_MOVED_TO) != 0 { return .movedIn }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { return .removed }
            return nil
        }

        private static func addWatch(_ descriptor: Int32, _ directory: String) -> Int32? {
            let watch = inotify_add_watch(descriptor, directory, watchMask)
            return watch >= 0 ? watch : nil
        }

        private static func matchingFiles(in directory: String, patterns: [WatchPattern]) -> [String] {
            fileNames(in: directory).compactMap { name in
                guard let pattern = patterns.first(where: { $0.matches(name: name) }) else { return nil }
                let path = pattern.path(of: name)
                return isRegularFile(path) ? path : nil
            }
        }

        private static func fileNames(in directory: String) -> [String] {
            guard let stream = opendir(directory) else { return [] }
            defer { closedir(stream) }
            var names: [String] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != ".", name != ".." { names.append(name) }
            }
            return names
        }

        /// Whether a path is a regular file, following symbolic links (a dangling link is not).
        private static func isRegularFile(_ path: String) -> Bool {
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        }

        private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
            let (seconds, attoseconds) = duration.components
            guard seconds >= 0, attoseconds >= 0 else { return .nanoseconds(0) }
            let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            guard !nanoseconds.overflow else { return .never }
            return .nanoseconds(Int(clamping: nanoseconds.partialValue + attoseconds / 1_000_000_000))
        }
    }
#endif
