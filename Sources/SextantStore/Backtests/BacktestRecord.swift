/// One recorded backtest: what ran (strategy version, params, settings, data) and what came out.
///
/// The JSON fields are text so the store stays independent of the backtester's types; Postgres keeps
/// them as `jsonb`, so `result -> 'stats' ->> 'sharpe'` can be queried in SQL.
public struct BacktestRecord: Sendable, Hashable, Codable {
    /// The backtest's identifier (a UUID string, say); the primary key.
    public var id: String
    /// Content hash of the strategy file that ran.
    public var strategyHash: String
    /// The strategy's `name:`.
    public var strategyName: String
    /// The bar data, as given to `--data` (`examples/data/GOOG.csv`, `postgres:GOOG@1d`).
    public var data: [String]
    /// The param values the run used, as a JSON object.
    public var paramsJSON: String
    /// The settings (cash, commission, slippage, fill model…), as a JSON object.
    public var settingsJSON: String
    /// The result document of `sextant backtest --json` (statistics and trades).
    public var resultJSON: String
    /// When it was recorded.
    public var recorded: EpochMilliseconds

    /// Creates a record.
    public init(
        id: String, strategyHash: String, strategyName: String, data: [String], paramsJSON: String,
        settingsJSON: String, resultJSON: String, recorded: EpochMilliseconds
    ) {
        self.id = id
        self.strategyHash = strategyHash
        self.strategyName = strategyName
        self.data = data
        self.paramsJSON = paramsJSON
        self.settingsJSON = settingsJSON
        self.resultJSON = resultJSON
        self.recorded = recorded
    }
}
