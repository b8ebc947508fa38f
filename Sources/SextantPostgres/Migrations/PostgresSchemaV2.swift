/// The second Postgres schema: historical bars and recorded backtests (issue 7), which only the
/// Postgres store keeps.
///
/// `bars` is keyed by (symbol, timeframe, time) — the import's upsert target and the order a range read
/// walks. `volume` is NULL where the source had no volume column. Backtest params, settings and results
/// are `jsonb`, so they can be queried (`result -> 'stats' ->> 'sharpe'`); jsonb normalizes spacing and
/// key order, which is fine for documents that are read as JSON, not compared as text.
enum PostgresSchemaV2 {
    static let migration = PostgresMigration(
        version: 2, identifier: "v2_bars_and_backtests",
        statements: [
            """
            CREATE TABLE bars (
                symbol text NOT NULL,
                timeframe text NOT NULL,
                time bigint NOT NULL,
                open double precision NOT NULL,
                high double precision NOT NULL,
                low double precision NOT NULL,
                close double precision NOT NULL,
                volume double precision,
                PRIMARY KEY (symbol, timeframe, time)
            )
            """,
            """
            CREATE TABLE backtest_runs (
                id text NOT NULL PRIMARY KEY,
                strategy_hash text NOT NULL,
                strategy_name text NOT NULL,
                data text[] NOT NULL,
                params jsonb NOT NULL,
                settings jsonb NOT NULL,
                recorded_ms bigint NOT NULL
            )
            """,
            "CREATE INDEX backtest_runs_by_strategy ON backtest_runs (strategy_hash, recorded_ms)",
            """
            CREATE TABLE backtest_results (
                run_id text NOT NULL PRIMARY KEY REFERENCES backtest_runs (id) ON DELETE CASCADE,
                result jsonb NOT NULL
            )
            """,
        ])
}
