internal import GRDB

/// One call waiting in a `WriteBatcher`: its body, run inside the group transaction, and what to tell
/// the caller once the transaction committed or failed.
struct PendingWrite: Sendable {
    /// Runs the call's body in its own savepoint, recording its result or error.
    let execute: @Sendable (Database) -> Void
    /// Resumes the caller, given the group commit's error (`nil` when it committed).
    let finish: @Sendable ((any Error)?) -> Void
}
