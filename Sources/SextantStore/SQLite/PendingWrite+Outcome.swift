extension PendingWrite {
    /// The result of a call's body, carried from the transaction to the caller.
    ///
    /// Unchecked: `result` is written once on the writer connection's queue, inside the transaction, and
    /// read once after `DatabasePool.write` returned to the drain loop, which orders the two accesses.
    final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
