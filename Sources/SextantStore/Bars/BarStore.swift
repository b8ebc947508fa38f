public import SextantCore

/// A store of historical bars, keyed by (symbol, timeframe, bar time): what `sextant data import` fills
/// and `--data postgres:SYMBOL@TIMEFRAME` reads.
///
/// Bars come back as the same `BarSeries` the CSV reader produces, so a backtest cannot tell where its
/// data came from. The rules every implementation keeps:
///
/// - **Atomic import.** `importBars` writes every bar of the series or none (one transaction): a failed
///   or interrupted import leaves the store as it was.
/// - **Idempotent import.** A bar already stored at the same (symbol, timeframe, time) is replaced, so
///   importing the same file twice stores it once, and a corrected file overwrites the old values.
/// - **Canonical timeframes.** `1h` and `60m` name the same series (`BarSeriesKey` spells it once).
///
/// ```swift
/// let bars = try CSVBarReader.read(path: "examples/data/GOOG.csv")
/// try await store.importBars(bars, into: BarSeriesKey(symbol: "GOOG", timeframe: Timeframe("1d")!))
/// let back = try await store.bars(BarSeriesKey(symbol: "GOOG", timeframe: Timeframe("1d")!))
/// ```
public protocol BarStore: Sendable {
    /// Stores `bars` under `key`, replacing bars at the same times; all or nothing.
    /// - Returns: How many bars were written.
    @discardableResult
    func importBars(_ bars: BarSeries, into key: BarSeriesKey) async throws -> Int

    /// The bars of `key` whose times are in `range` (all of them when nil), oldest first. An unknown key
    /// gives an empty series; `barSeries()` lists the known ones.
    func bars(_ key: BarSeriesKey, in range: ClosedRange<Int64>?) async throws -> BarSeries

    /// Every stored series with its bar count and time span, by symbol then timeframe length.
    func barSeries() async throws -> [BarSeriesSummary]
}

extension BarStore {
    /// Every bar of `key`, oldest first (empty when the key is unknown).
    public func bars(_ key: BarSeriesKey) async throws -> BarSeries {
        try await bars(key, in: nil)
    }
}
