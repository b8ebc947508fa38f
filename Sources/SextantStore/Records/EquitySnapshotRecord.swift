/// The account's value at one moment of a run.
public struct EquitySnapshotRecord: Sendable, Hashable, Codable {
    /// The run it belongs to (a `RunRecord`).
    public var runID: String
    /// When it was taken; one snapshot per run and time (recording the same time again replaces it).
    public var time: EpochMilliseconds
    /// Cash plus open positions marked to market.
    public var equity: Double
    /// Cash alone.
    public var cash: Double

    /// Creates a record.
    public init(runID: String, time: EpochMilliseconds, equity: Double, cash: Double) {
        self.runID = runID
        self.time = time
        self.equity = equity
        self.cash = cash
    }
}
