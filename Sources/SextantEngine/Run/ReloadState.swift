import SextantLanguage

/// What the watcher's task and the bar loop share about reloads (behind `EngineRun`'s mutex): the
/// outcomes decided and not applied yet, the decided versions every next change is compared with, the
/// latest bar time (for the `reload` events' `time`), and the risk file's version and pending swap.
struct ReloadState {
    /// Strategy outcomes waiting for the next bar boundary.
    var queue: [ReloadOutcome<CheckedStrategy>] = []
    /// Decided strategy versions by path: the running ones with every queued outcome applied.
    var table: [String: LoadedFile<CheckedStrategy>] = [:]
    /// The latest bar time seen.
    var time: Int64 = 0
    /// The decided version of the risk file, keyed by its path (at most one entry).
    var risk: [String: LoadedFile<CheckedRisk>] = [:]
    /// A valid new risk file waiting for the next bar boundary.
    var pendingRisk: CheckedRisk?
}
