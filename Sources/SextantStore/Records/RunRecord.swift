/// One run of the engine or the backtester: what equity snapshots belong to.
public struct RunRecord: Sendable, Hashable, Codable {
    /// The run's identifier (the caller's choice, typically a UUID string); the primary key.
    public var id: String
    /// When the run started.
    public var started: EpochMilliseconds
    /// Backtest, dry run or live.
    public var mode: Mode
    /// Hash of the engine configuration the run used, so two runs' settings can be compared.
    public var engineConfigHash: String

    /// Creates a record.
    public init(id: String, started: EpochMilliseconds, mode: Mode, engineConfigHash: String) {
        self.id = id
        self.started = started
        self.mode = mode
        self.engineConfigHash = engineConfigHash
    }
}
