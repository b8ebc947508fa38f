extension RunRecord {
    /// What kind of run produced the records. Raw values are what the `runs.mode` column holds.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        /// A historical simulation (`sextant backtest`).
        case backtest
        /// History replayed through the live path against the paper adapter (`sextant dry-run`).
        case dryRun = "dry_run"
        /// Orders sent to a venue (`sextant run`).
        case live
    }
}
