internal import PostgresNIO
public import SextantStore

extension PostgresStore {
    @discardableResult
    public func recordBacktest(_ backtest: BacktestRecord) async throws -> Bool {
        try RecordCheck.nonEmpty(backtest.id, "a backtest's ID")
        // The run and its result in one statement: both rows or neither.
        let inserted = try await rows(
            """
            WITH run AS (
                INSERT INTO backtest_runs (id, strategy_hash, strategy_name, data, params, settings, recorded_ms)
                VALUES (\(backtest.id), \(backtest.strategyHash), \(backtest.strategyName), \(backtest.data),
                        \(backtest.paramsJSON)::jsonb, \(backtest.settingsJSON)::jsonb, \(backtest.recorded.rawValue))
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            ), result AS (
                INSERT INTO backtest_results (run_id, result)
                SELECT id, \(backtest.resultJSON)::jsonb FROM run
                RETURNING 1
            )
            SELECT count(*) FROM result
            """, { row in try row.decode(Int64.self) })
        return inserted.first == 1
    }

    public func backtest(id: String) async throws -> BacktestRecord? {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.backtestColumns)
            FROM backtest_runs r JOIN backtest_results b ON b.run_id = r.id WHERE r.id = \(id)
            """, PostgresRows.backtest
        ).first
    }

    public func backtests(strategyHash: String) async throws -> [BacktestRecord] {
        try await rows(
            """
            SELECT \(unescaped: PostgresRows.backtestColumns)
            FROM backtest_runs r JOIN backtest_results b ON b.run_id = r.id
            WHERE r.strategy_hash = \(strategyHash) ORDER BY r.recorded_ms, r.id
            """, PostgresRows.backtest)
    }
}
