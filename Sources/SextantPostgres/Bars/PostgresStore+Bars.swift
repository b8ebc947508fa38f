internal import PostgresNIO
public import SextantCore
public import SextantStore

extension PostgresStore {
    /// Bars per INSERT statement of an import: large enough that the round trips cost little, small
    /// enough that one statement's arrays stay a few hundred kilobytes.
    static let importBatch = 10_000

    /// Stores `bars` under `key` in one transaction, replacing bars at the same times.
    ///
    /// Each batch is one `INSERT … SELECT … FROM unnest(…) ON CONFLICT DO UPDATE` whose columns travel as
    /// binary arrays, so the server parses no text and the client formats no numbers. A failure at any
    /// batch rolls the whole import back: the series is left as it was before the call.
    @discardableResult
    public func importBars(_ bars: BarSeries, into key: BarSeriesKey) async throws -> Int {
        guard bars.count > 0 else { return 0 }
        let logger = logger
        let batches = (bars.count + Self.importBatch - 1) / Self.importBatch
        // The time limit guards against a dead server, not a slow import: each batch gets a full one.
        try await withConnection(timeout: options.timeoutSeconds * Double(batches + 1)) { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                try await connection.query("SET LOCAL statement_timeout = 0", logger: logger)
                var start = 0
                while start < bars.count {
                    let end = min(start + Self.importBatch, bars.count)
                    try await Self.insert(bars, start..<end, key: key, on: connection, logger: logger)
                    start = end
                }
            }
        }
        return bars.count
    }

    public func bars(_ key: BarSeriesKey, in range: ClosedRange<Int64>?) async throws -> BarSeries {
        let low = range?.lowerBound ?? .min
        let high = range?.upperBound ?? .max
        // Whole columns as arrays: one row to decode instead of one per bar.
        let columns = try await rows(
            """
            SELECT array_agg(time ORDER BY time), array_agg(open ORDER BY time), array_agg(high ORDER BY time),
                   array_agg(low ORDER BY time), array_agg(close ORDER BY time),
                   array_agg(coalesce(volume, 'NaN'::float8) ORDER BY time), coalesce(bool_or(volume IS NOT NULL), false)
            FROM bars
            WHERE symbol = \(key.symbol) AND timeframe = \(key.timeframe) AND time BETWEEN \(low) AND \(high)
            """,
            { row in
                try row.decode(([Int64]?, [Double]?, [Double]?, [Double]?, [Double]?, [Double]?, Bool).self)
            })
        guard let (time, open, high, low, close, volume, hasVolume) = columns.first, let time, let open, let high,
            let low, let close, let volume
        else { return BarSeries() }
        guard Set([open.count, high.count, low.count, close.count, volume.count]) == [time.count] else {
            throw StoreError.corrupted(path: location.description, detail: "bar columns of \(key) differ in length")
        }
        return BarSeries(
            time: time, open: open, high: high, low: low, close: close, volume: hasVolume ? volume : nil)
    }

    public func barSeries() async throws -> [BarSeriesSummary] {
        let rows = try await rows(
            "SELECT symbol, timeframe, count(*), min(time), max(time) FROM bars GROUP BY symbol, timeframe",
            { row in try row.decode((String, String, Int64, Int64, Int64).self) })
        return rows.compactMap { symbol, timeframe, count, first, last in
            Timeframe(timeframe).map {
                BarSeriesSummary(
                    key: BarSeriesKey(symbol: symbol, timeframe: $0), count: Int(count), first: first, last: last)
            }
        }.sorted { ($0.key.symbol, $0.key.seconds) < ($1.key.symbol, $1.key.seconds) }
    }

    private static func insert(
        _ bars: BarSeries, _ range: Range<Int>, key: BarSeriesKey, on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let time = Array(bars.time[range])
        let open = Array(bars.open[range])
        let high = Array(bars.high[range])
        let low = Array(bars.low[range])
        let close = Array(bars.close[range])
        // No volume column: NaN travels in the array and becomes NULL (unknown, not zero).
        let volume = Array(bars.volume[range])
        try await connection.query(
            """
            INSERT INTO bars (symbol, timeframe, time, open, high, low, close, volume)
            SELECT \(key.symbol), \(key.timeframe), t, o, h, l, c, nullif(v, 'NaN'::float8)
            FROM unnest(\(time)::int8[], \(open)::float8[], \(high)::float8[], \(low)::float8[], \(close)::float8[],
                        \(volume)::float8[]) AS u(t, o, h, l, c, v)
            ON CONFLICT (symbol, timeframe, time) DO UPDATE SET
                open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                volume = excluded.volume
            """, logger: logger)
    }
}
