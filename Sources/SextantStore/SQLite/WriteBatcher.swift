internal import GRDB
internal import Synchronization

/// Group commit: writes that arrive while a transaction is being committed wait, then all commit
/// together in the next transaction, each inside its own savepoint.
///
/// With `synchronous = FULL` every commit waits for the disk to sync the WAL (about 4 ms on the
/// machines Sextant is measured on), so one transaction per call caps the store at a few hundred calls
/// per second however many tasks call it. Sharing the sync keeps each call's promise — it returns only
/// after its writes are durable — while concurrent callers (strategy hosts deciding at the same bar
/// close, a burst of fills) pay for one sync between them. Postgres does the same with concurrent
/// commits sharing a WAL flush.
///
/// A call's savepoint isolates it: if its body throws, only its own changes roll back and only it sees
/// the error. If the shared commit fails, every call whose body succeeded gets that error (nothing of the
/// batch was written).
final class WriteBatcher: Sendable {
    /// The most calls committed in one transaction, so one burst cannot delay its first caller unboundedly.
    static let maximumBatch = 256

    private let pool: DatabasePool
    private let queue = Mutex(Queue())

    private struct Queue: ~Copyable {
        var pending: [PendingWrite] = []
        var isDraining = false
    }

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `updates` in a savepoint of the next group transaction; returns after that transaction
    /// committed.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let outcome = PendingWrite.Outcome<T>()
        return try await withCheckedThrowingContinuation { continuation in
            let job = PendingWrite(
                execute: { db in
                    // An earlier call's failure can make SQLite roll back the whole transaction (a full
                    // disk, an I/O error). A savepoint opened now would start a transaction of its own
                    // and commit behind the batch's back, so the call is refused instead.
                    guard db.isInsideTransaction else {
                        outcome.result = .failure(
                            StoreError.unavailable("the shared transaction was rolled back by an earlier failure"))
                        return
                    }
                    do {
                        try db.inSavepoint {
                            outcome.result = .success(try updates(db))
                            return .commit
                        }
                    } catch {
                        outcome.result = .failure(error)
                    }
                },
                finish: { commitError in
                    switch (outcome.result, commitError) {
                    case (.failure(let error), _): continuation.resume(throwing: error)
                    case (.success, .some(let error)): continuation.resume(throwing: error)
                    case (.success(let value), nil): continuation.resume(returning: value)
                    case (nil, let error): continuation.resume(throwing: error ?? StoreError.database("write not run"))
                    }
                })
            let startsDraining = queue.withLock { queue in
                queue.pending.append(job)
                guard !queue.isDraining else { return false }
                queue.isDraining = true
                return true
            }
            if startsDraining {
                Task { await self.drain() }
            }
        }
    }

    /// Commits batches until no call is waiting.
    private func drain() async {
        while true {
            let batch = queue.withLock { queue -> [PendingWrite] in
                let batch = Array(queue.pending.prefix(Self.maximumBatch))
                queue.pending.removeFirst(batch.count)
                if batch.isEmpty { queue.isDraining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            var commitError: (any Error)?
            do {
                try await pool.write { db in
                    for job in batch { job.execute(db) }
                }
            } catch {
                commitError = error
            }
            for job in batch { job.finish(commitError) }
        }
    }
}
