extension EquitySnapshotRecord {
    /// Throws `StoreError.invalidRecord` unless the snapshot can be stored.
    package func validate() throws(StoreError) {
        try RecordCheck.finite(equity, "equity of run \(runID) at \(time)")
        try RecordCheck.finite(cash, "cash of run \(runID) at \(time)")
    }
}
