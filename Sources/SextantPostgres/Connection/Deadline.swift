internal import SextantStore
internal import Synchronization

/// Runs work with a time limit that holds even when the work ignores cancellation.
///
/// PostgresNIO's pool keeps a request waiting while it retries a server that is down (up to a minute
/// before its circuit breaker opens), and a query on a half-open TCP connection may never answer. The
/// caller gets `timeoutError` after `seconds` whatever the work does; the work is cancelled and left to
/// finish on its own.
enum Deadline {
    /// The result of `work`, or `timeoutError` thrown once `seconds` have passed.
    static func run<T: Sendable>(
        seconds: Double, timeoutError: StoreError,
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let once = Once<T>()
        return try await withCheckedThrowingContinuation { continuation in
            once.install(continuation)
            let worker = Task {
                do {
                    once.resume(with: .success(try await work()))
                } catch {
                    once.resume(with: .failure(error))
                }
            }
            let timer = Task {
                try? await Task.sleep(for: .seconds(seconds))
                guard !Task.isCancelled else { return }
                if once.resume(with: .failure(timeoutError)) { worker.cancel() }
            }
            once.onResume { timer.cancel() }
        }
    }

    /// Resumes a continuation exactly once, from whichever of the worker and the timer comes first.
    private final class Once<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var done = false
            var cancelTimer: (@Sendable () -> Void)?
        }

        private let state = Mutex(State())

        func install(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        func onResume(_ cancelTimer: @escaping @Sendable () -> Void) {
            let alreadyDone = state.withLock { state in
                if state.done { return true }
                state.cancelTimer = cancelTimer
                return false
            }
            if alreadyDone { cancelTimer() }
        }

        /// Resumes with `result` unless already resumed; true when this call resumed.
        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            let (continuation, cancelTimer) = state.withLock {
                state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
                guard !state.done else { return (nil, nil) }
                state.done = true
                defer {
                    state.continuation = nil
                    state.cancelTimer = nil
                }
                return (state.continuation, state.cancelTimer)
            }
            guard let continuation else { return false }
            continuation.resume(with: result)
            cancelTimer?()
            return true
        }
    }
}
