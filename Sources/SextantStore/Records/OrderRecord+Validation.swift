extension OrderRecord {
    /// Throws `StoreError.invalidRecord` unless the order can be stored.
    package func validate() throws(StoreError) {
        let what = "order \(clientOrderID)"
        try RecordCheck.nonEmpty(clientOrderID, "an order's client order ID")
        try RecordCheck.nonEmpty(strategyVersion, "\(what): the strategy version")
        try RecordCheck.nonEmpty(symbol, "\(what): the symbol")
        try RecordCheck.positive(quantity, "\(what): the quantity")
        switch (kind.hasLimitPrice, limitPrice) {
        case (true, nil): throw StoreError.invalidRecord("\(what): a \(kind.rawValue) order needs a limit price")
        case (false, .some): throw StoreError.invalidRecord("\(what): a \(kind.rawValue) order has no limit price")
        case (true, .some(let price)): try RecordCheck.positive(price, "\(what): the limit price")
        case (false, nil): break
        }
        switch (kind.hasStopPrice, stopPrice) {
        case (true, nil): throw StoreError.invalidRecord("\(what): a \(kind.rawValue) order needs a stop price")
        case (false, .some): throw StoreError.invalidRecord("\(what): a \(kind.rawValue) order has no stop price")
        case (true, .some(let price)): try RecordCheck.positive(price, "\(what): the stop price")
        case (false, nil): break
        }
    }
}
