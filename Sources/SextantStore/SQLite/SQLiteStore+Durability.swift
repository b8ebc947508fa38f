extension SQLiteStore {
    /// How hard SQLite works to keep a committed transaction across a crash (`PRAGMA synchronous`).
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// `synchronous = FULL`: the WAL is synced at every commit, so a returned write survives a power
        /// failure or a kernel crash. The engine's setting: intents and fills must not be lost.
        case full
        /// `synchronous = NORMAL`: a returned write survives a crash of the process, but the last
        /// transactions may be lost on a power failure. For backtests and other throwaway runs.
        case normal

        /// The pragma's value.
        var pragmaValue: String {
            switch self {
            case .full: "FULL"
            case .normal: "NORMAL"
            }
        }
    }
}
