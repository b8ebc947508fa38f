/// The first SQLite schema: every table the engine writes (docs/store.md describes each column).
///
/// Released migrations are never edited: a change is a new migration. Tables are `STRICT`, so a column
/// holds only its declared type, and the CHECK constraints repeat the record checks (`RecordCheck`) as a
/// second line. Event times are `*_ms` columns (milliseconds since the epoch); `bar_time` is seconds.
enum SQLiteSchemaV1 {
    /// The migration's identifier in `grdb_migrations`.
    static let identifier = "v1_trading_records"

    /// `PRAGMA application_id` of a Sextant store: "SEXT" in ASCII, so `file(1)` and the store itself can
    /// tell a Sextant database from another application's.
    static let applicationID: Int32 = 0x5345_5854

    static let sql = """
        PRAGMA application_id = \(applicationID);

        CREATE TABLE strategy_versions (
            content_hash TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            source TEXT NOT NULL,
            first_seen_ms INTEGER NOT NULL,
            last_seen_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX strategy_versions_by_name ON strategy_versions (name, last_seen_ms);

        CREATE TABLE runs (
            id TEXT NOT NULL PRIMARY KEY,
            started_ms INTEGER NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('backtest', 'dry_run', 'live')),
            engine_config_hash TEXT NOT NULL
        ) STRICT;

        CREATE TABLE orders (
            client_order_id TEXT NOT NULL PRIMARY KEY,
            strategy_version TEXT NOT NULL REFERENCES strategy_versions (content_hash),
            symbol TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
            quantity REAL NOT NULL CHECK (quantity > 0),
            type TEXT NOT NULL CHECK (type IN ('market', 'limit', 'stop', 'stop_limit')),
            limit_price REAL,
            stop_price REAL,
            bar_time INTEGER NOT NULL,
            rule TEXT NOT NULL,
            leg TEXT NOT NULL,
            state TEXT NOT NULL CHECK (
                state IN ('new', 'acknowledged', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired')
            ),
            venue_order_id TEXT,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            CHECK ((limit_price IS NOT NULL) = (type IN ('limit', 'stop_limit'))),
            CHECK ((stop_price IS NOT NULL) = (type IN ('stop', 'stop_limit')))
        ) STRICT;
        CREATE INDEX orders_open ON orders (created_ms)
            WHERE state IN ('new', 'acknowledged', 'partially_filled');

        CREATE TABLE fills (
            venue TEXT NOT NULL,
            fill_id TEXT NOT NULL,
            client_order_id TEXT NOT NULL REFERENCES orders (client_order_id),
            quantity REAL NOT NULL CHECK (quantity > 0),
            price REAL NOT NULL CHECK (price > 0),
            commission REAL NOT NULL,
            time_ms INTEGER NOT NULL,
            PRIMARY KEY (venue, fill_id)
        ) STRICT;
        CREATE INDEX fills_by_order ON fills (client_order_id, time_ms);

        CREATE TABLE positions (
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            quantity REAL NOT NULL,
            average_price REAL NOT NULL,
            updated_ms INTEGER NOT NULL,
            PRIMARY KEY (strategy, symbol)
        ) STRICT;

        CREATE TABLE risk_events (
            id INTEGER PRIMARY KEY,
            time_ms INTEGER NOT NULL,
            strategy TEXT,
            symbol TEXT,
            rule TEXT NOT NULL,
            decision TEXT NOT NULL,
            reason TEXT NOT NULL,
            details TEXT CHECK (details IS NULL OR json_valid(details))
        ) STRICT;
        CREATE INDEX risk_events_by_time ON risk_events (time_ms);

        CREATE TABLE equity_snapshots (
            run_id TEXT NOT NULL REFERENCES runs (id),
            time_ms INTEGER NOT NULL,
            equity REAL NOT NULL,
            cash REAL NOT NULL,
            PRIMARY KEY (run_id, time_ms)
        ) STRICT;
        """
}
