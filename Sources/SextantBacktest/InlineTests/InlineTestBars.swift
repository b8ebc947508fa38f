import SextantCore
public import SextantGraph
public import SextantLanguage

/// The market data of an inline test: its columns, with what a test leaves out filled in.
///
/// - **Prices.** A missing `open` is the bar's `close` (and a missing `close` its `open`); a missing
///   `high` is the larger and a missing `low` the smaller of the bar's `open` and `close`. So a test
///   that gives only `close` has `open = high = low = close`, and a test that gives `close` and
///   `high`/`low` (an ATR, a channel) fills at the close's price.
/// - **Volume.** A missing `volume` is missing (NaN), not 0: a volume condition in a test without
///   volume is never true, rather than silently computed on zero volume.
/// - **Time.** Bar `i` opens at `i` × the strategy's timeframe after 1970-01-01T00:00Z (promtool's
///   time 0), so with `1d` bars each bar is its own trading day for daily limits.
/// - **Symbols.** Unaliased columns are the primary (traded) symbol; `eth.close` is alias `eth`. A
///   test that gives only alias columns trades the first declared symbol it gives.
public enum InlineTestBars {
    /// The data of `test` for `strategy`.
    public static func marketData(of test: InlineTest, strategy: StrategyDocument) -> MarketData {
        var given: [String?: [BarField: [Double]]] = [:]
        var count = 0
        for (field, values) in test.bars {
            let parts = field.value.split(separator: ".", maxSplits: 1).map(String.init)
            let alias = parts.count == 2 ? parts[0] : nil
            guard let name = parts.last, let barField = BarField(rawValue: name) else { continue }
            let column = values.value.expanded
            given[alias, default: [:]][barField] = column
            count = max(count, column.count)
        }
        if given[nil] == nil {
            let order = strategy.symbols.map(\.alias)
            if let primary = order.first(where: { given[$0] != nil }) { given[nil] = given[primary] }
        }
        let time = (0..<count).map { Int64($0) * (strategy.timeframe?.value.seconds ?? 86_400) }
        return MarketData(time: time, columns: given.mapValues { completed($0, count: count) })
    }

    /// One symbol's columns with the missing ones derived (see the type's documentation).
    static func completed(_ given: [BarField: [Double]], count: Int) -> [BarField: [Double]] {
        let missing = [Double](repeating: .nan, count: count)
        func column(_ field: BarField) -> [Double]? {
            given[field].map { $0.count == count ? $0 : $0 + missing.prefix(count - $0.count) }
        }
        let close = column(.close) ?? column(.open) ?? missing
        let open = column(.open) ?? close
        var high = column(.high) ?? missing
        var low = column(.low) ?? missing
        if given[.high] == nil || given[.low] == nil {
            for bar in 0..<count {
                let prices = [open[bar], close[bar]].filter { !$0.isNaN }
                if given[.high] == nil { high[bar] = prices.max() ?? .nan }
                if given[.low] == nil { low[bar] = prices.min() ?? .nan }
            }
        }
        return [.open: open, .high: high, .low: low, .close: close, .volume: column(.volume) ?? missing]
    }
}
