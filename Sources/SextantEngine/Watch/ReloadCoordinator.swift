import SextantLanguage

/// Decides what a file change means for the running strategies: pure logic, whose only I/O (reading
/// the file) and work (linting and compiling it) go through injected closures.
///
/// ```swift
/// let coordinator = ReloadCoordinator<Program>(
///     read: { path in try readBytes(path) },
///     compile: { path, bytes in compileStrategy(path, bytes) })
/// for await change in watcher.changes {
///     guard let outcome = coordinator.plan(for: change, loaded: decided) else { continue }
///     outcome.apply(to: &decided)
///     engine.schedule(outcome)  // applied at the next bar boundary
/// }
/// ```
///
/// Created and changed files are treated alike: what matters is whether the path is running and
/// whether its bytes differ from the running version's. A file that was rejected when created and
/// then fixed therefore starts on its next save, and a file reported `created` while already
/// running (its directory vanished and came back) is compared by hash like any other save.
public struct ReloadCoordinator<Compiled> {
    /// Reads a file's bytes.
    public typealias Read = @Sendable (_ path: String) throws -> [UInt8]
    /// Lints and compiles a file's bytes.
    public typealias Compile = @Sendable (_ path: String, _ bytes: [UInt8]) -> Result<Compiled, ReloadCompileError>

    private let read: Read
    private let compile: Compile

    /// Creates a coordinator.
    public init(read: @escaping Read, compile: @escaping Compile) {
        self.read = read
        self.compile = compile
    }

    /// Decides what `change` means given the decided versions (path → version): those running
    /// plus every outcome already decided but still waiting for a bar boundary (see
    /// `ReloadOutcome.apply(to:)`).
    ///
    /// Returns nil when the change asks nothing of the engine: a directory report (its files are
    /// reported one by one) or the deletion of a file that was not running. At startup, plan
    /// `.created(path)` for each of `FileWatcher.initialFiles` against an empty table.
    public func plan(for change: FileChange, loaded: [String: LoadedFile<Compiled>]) -> ReloadOutcome<Compiled>? {
        switch change {
        case .directoryUnavailable:
            return nil
        case .deleted(let path):
            return loaded[path].map { .retired(path: path, version: $0) }
        case .created(let path), .changed(let path):
            return planContent(of: path, running: loaded[path])
        }
    }

    private func planContent(of path: String, running: LoadedFile<Compiled>?) -> ReloadOutcome<Compiled> {
        let bytes: [UInt8]
        do {
            bytes = try read(path)
        } catch {
            // Usually the file went away between the event and the read; its deletion is reported
            // next. Until then the running version stays.
            return .rejected(path: path, diagnostics: [unreadable(path, error)], kept: running)
        }
        if let running, running.version == StrategyVersion.of(bytes) { return .unchanged(path: path) }
        switch compile(path, bytes) {
        case .failure(let failure):
            return .rejected(path: path, diagnostics: failure.diagnostics, kept: running)
        case .success(let compiled):
            let version = LoadedFile(path: path, source: bytes, compiled: compiled)
            guard let running else { return .started(path: path, version: version) }
            return .swapped(path: path, old: running, new: version)
        }
    }

    private func unreadable(_ path: String, _ error: any Error) -> Diagnostic {
        let file = SourceFile(path: path, text: "")
        return Diagnostic(.unreadableFile, "cannot read the file: \(error)", at: SourceSpan(file: file, range: 0..<0))
    }
}

extension ReloadCoordinator: Sendable {}
