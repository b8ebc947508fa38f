extension FillRecord {
    /// Throws `StoreError.invalidRecord` unless the fill can be stored.
    package func validate() throws(StoreError) {
        let what = "fill \(venue)/\(fillID)"
        try RecordCheck.nonEmpty(venue, "a fill's venue")
        try RecordCheck.nonEmpty(fillID, "a fill's ID")
        try RecordCheck.positive(quantity, "\(what): the quantity")
        try RecordCheck.positive(price, "\(what): the price")
        try RecordCheck.finite(commission, "\(what): the commission")
    }
}
