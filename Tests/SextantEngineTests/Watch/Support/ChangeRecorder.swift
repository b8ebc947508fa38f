import SextantEngine
import Synchronization

/// Collects a watcher's changes in the background so that a test can poll for what it expects,
/// with a generous timeout instead of sleeping for a guessed time.
final class ChangeRecorder: Sendable {
    private let seen = Mutex<[FileChange]>([])
    private let consumer = Mutex<Task<Void, Never>?>(nil)

    init(_ changes: AsyncStream<FileChange>) {
        let task = Task { [weak self] in
            for await change in changes { self?.seen.withLock { $0.append(change) } }
        }
        consumer.withLock { $0 = task }
    }

    deinit { consumer.withLock { $0?.cancel() } }

    /// Everything recorded so far.
    var changes: [FileChange] { seen.withLock { $0 } }

    /// Polls until `done` holds for what has been recorded, or `timeout` passes; returns what was
    /// recorded either way.
    func wait(
        timeout: Duration = .seconds(10), until done: ([FileChange]) -> Bool
    ) async -> [FileChange] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let current = changes
            if done(current) { return current }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return changes
    }

    /// Waits for a change and returns everything recorded up to it.
    func wait(for change: FileChange, timeout: Duration = .seconds(10)) async -> [FileChange] {
        await wait(timeout: timeout) { $0.contains(change) }
    }
}
