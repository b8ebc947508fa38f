/// Where finished backtests are kept for later comparison: the run (strategy version, params, settings,
/// data) and its result (statistics and trades, as the JSON `sextant backtest --json` writes).
public protocol BacktestArchive: Sendable {
    /// Records a backtest and its result in one transaction. Recording an existing ID again leaves the
    /// stored one unchanged (a retried call cannot duplicate it).
    /// - Returns: True when the backtest was new.
    @discardableResult
    func recordBacktest(_ backtest: BacktestRecord) async throws -> Bool

    /// The backtest with this ID, if recorded.
    func backtest(id: String) async throws -> BacktestRecord?

    /// The recorded backtests of a strategy version (by content hash), oldest first.
    func backtests(strategyHash: String) async throws -> [BacktestRecord]
}
