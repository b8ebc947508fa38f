extension PositionRecord {
    /// Throws `StoreError.invalidRecord` unless the position can be stored.
    package func validate() throws(StoreError) {
        let what = "position \(strategy)/\(symbol)"
        try RecordCheck.nonEmpty(strategy, "a position's strategy")
        try RecordCheck.nonEmpty(symbol, "a position's symbol")
        try RecordCheck.finite(quantity, "\(what): the quantity")
        try RecordCheck.finite(averagePrice, "\(what): the average price")
    }
}
