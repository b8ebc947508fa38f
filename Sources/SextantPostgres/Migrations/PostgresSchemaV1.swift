/// The first Postgres schema: the trading records, column for column the SQLite store's
/// (`SQLiteSchemaV1`, docs/store.md), in Postgres types.
///
/// `TEXT` → `text`, `INTEGER` → `bigint`, `REAL` → `double precision`; risk-event `details` is `json`
/// (validated, kept byte for byte, so a record reads back exactly as written); the rowid becomes an
/// identity column. Key text columns are `COLLATE "C"` (byte order, as SQLite compares), so every
/// `ORDER BY` gives the same order as the SQLite store whatever the database's locale. Foreign keys are named, because the store maps a violation of each to its own
/// `StoreError` (`unknownStrategyVersion`, `orderNotFound`, `unknownRun`).
enum PostgresSchemaV1 {
    static let migration = PostgresMigration(
        version: 1, identifier: "v1_trading_records",
        statements: [
            """
            CREATE TABLE strategy_versions (
                content_hash text COLLATE "C" NOT NULL PRIMARY KEY,
                name text NOT NULL,
                path text NOT NULL,
                source text NOT NULL,
                first_seen_ms bigint NOT NULL,
                last_seen_ms bigint NOT NULL
            )
            """,
            "CREATE INDEX strategy_versions_by_name ON strategy_versions (name, last_seen_ms)",
            """
            CREATE TABLE runs (
                id text NOT NULL PRIMARY KEY,
                started_ms bigint NOT NULL,
                mode text NOT NULL CHECK (mode IN ('backtest', 'dry_run', 'live')),
                engine_config_hash text NOT NULL
            )
            """,
            """
            CREATE TABLE orders (
                client_order_id text COLLATE "C" NOT NULL PRIMARY KEY,
                strategy_version text NOT NULL
                    CONSTRAINT orders_strategy_version_fkey REFERENCES strategy_versions (content_hash),
                symbol text NOT NULL,
                side text NOT NULL CHECK (side IN ('buy', 'sell')),
                quantity double precision NOT NULL CHECK (quantity > 0),
                type text NOT NULL CHECK (type IN ('market', 'limit', 'stop', 'stop_limit')),
                limit_price double precision,
                stop_price double precision,
                bar_time bigint NOT NULL,
                rule text NOT NULL,
                leg text NOT NULL,
                state text NOT NULL CHECK (
                    state IN ('new', 'acknowledged', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired')
                ),
                venue_order_id text,
                created_ms bigint NOT NULL,
                updated_ms bigint NOT NULL,
                CHECK ((limit_price IS NOT NULL) = (type IN ('limit', 'stop_limit'))),
                CHECK ((stop_price IS NOT NULL) = (type IN ('stop', 'stop_limit')))
            )
            """,
            """
            CREATE INDEX orders_open ON orders (created_ms, client_order_id)
                WHERE state IN ('new', 'acknowledged', 'partially_filled')
            """,
            """
            CREATE TABLE fills (
                venue text COLLATE "C" NOT NULL,
                fill_id text COLLATE "C" NOT NULL,
                client_order_id text NOT NULL CONSTRAINT fills_order_fkey REFERENCES orders (client_order_id),
                quantity double precision NOT NULL CHECK (quantity > 0),
                price double precision NOT NULL CHECK (price > 0),
                commission double precision NOT NULL,
                time_ms bigint NOT NULL,
                PRIMARY KEY (venue, fill_id)
            )
            """,
            "CREATE INDEX fills_by_order ON fills (client_order_id, time_ms)",
            """
            CREATE TABLE positions (
                strategy text COLLATE "C" NOT NULL,
                symbol text COLLATE "C" NOT NULL,
                quantity double precision NOT NULL,
                average_price double precision NOT NULL,
                updated_ms bigint NOT NULL,
                PRIMARY KEY (strategy, symbol)
            )
            """,
            """
            CREATE TABLE risk_events (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                time_ms bigint NOT NULL,
                strategy text,
                symbol text,
                rule text NOT NULL,
                decision text NOT NULL,
                reason text NOT NULL,
                details json
            )
            """,
            "CREATE INDEX risk_events_by_time ON risk_events (time_ms)",
            """
            CREATE TABLE equity_snapshots (
                run_id text NOT NULL CONSTRAINT equity_snapshots_run_fkey REFERENCES runs (id),
                time_ms bigint NOT NULL,
                equity double precision NOT NULL,
                cash double precision NOT NULL,
                PRIMARY KEY (run_id, time_ms)
            )
            """,
        ])
}
