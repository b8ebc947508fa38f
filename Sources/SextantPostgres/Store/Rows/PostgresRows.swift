internal import PostgresNIO
internal import SextantStore

/// The column lists the store selects and the records made from their rows, one table per function,
/// so each SELECT and its decoding stay side by side.
///
/// An enum text the records do not know (a state written by hand, say) is reported as
/// `StoreError.corrupted`, never a trap.
enum PostgresRows {
    static let strategyVersionColumns = "content_hash, name, path, source, first_seen_ms, last_seen_ms"

    static func strategyVersion(_ row: PostgresRow) throws -> StrategyVersionRecord {
        let (hash, name, path, source, first, last) = try row.decode(
            (String, String, String, String, Int64, Int64).self)
        return StrategyVersionRecord(
            contentHash: hash, name: name, path: path, source: source, firstSeen: EpochMilliseconds(first),
            lastSeen: EpochMilliseconds(last))
    }

    static let runColumns = "id, started_ms, mode, engine_config_hash"

    static func run(_ row: PostgresRow, location: String) throws -> RunRecord {
        let (id, started, mode, hash) = try row.decode((String, Int64, String, String).self)
        return RunRecord(
            id: id, started: EpochMilliseconds(started),
            mode: try stored(RunRecord.Mode.self, mode, column: "runs.mode", location: location),
            engineConfigHash: hash)
    }

    static let orderColumns = """
        client_order_id, strategy_version, symbol, side, quantity, type, limit_price, stop_price, bar_time, \
        rule, leg, state, venue_order_id, created_ms, updated_ms
        """

    static func order(_ row: PostgresRow, location: String) throws -> OrderRecord {
        let (
            id, version, symbol, side, quantity, kind, limit, stop, barTime, rule, leg, state, venue, created, updated
        ) =
            try row.decode(
                (
                    String, String, String, String, Double, String, Double?, Double?, Int64, String, String, String,
                    String?, Int64, Int64
                ).self)
        return OrderRecord(
            clientOrderID: id, strategyVersion: version, symbol: symbol,
            side: try stored(OrderRecord.Side.self, side, column: "orders.side", location: location),
            quantity: quantity,
            kind: try stored(OrderRecord.Kind.self, kind, column: "orders.type", location: location),
            limitPrice: limit, stopPrice: stop, barTime: barTime, rule: rule, leg: leg,
            state: try stored(OrderRecord.State.self, state, column: "orders.state", location: location),
            venueOrderID: venue, created: EpochMilliseconds(created), updated: EpochMilliseconds(updated))
    }

    static let fillColumns = "venue, fill_id, client_order_id, quantity, price, commission, time_ms"

    static func fill(_ row: PostgresRow) throws -> FillRecord {
        let (venue, id, order, quantity, price, commission, time) = try row.decode(
            (String, String, String, Double, Double, Double, Int64).self)
        return FillRecord(
            venue: venue, fillID: id, clientOrderID: order, quantity: quantity, price: price, commission: commission,
            time: EpochMilliseconds(time))
    }

    static let positionColumns = "strategy, symbol, quantity, average_price, updated_ms"

    static func position(_ row: PostgresRow) throws -> PositionRecord {
        let (strategy, symbol, quantity, average, updated) = try row.decode(
            (String, String, Double, Double, Int64).self)
        return PositionRecord(
            strategy: strategy, symbol: symbol, quantity: quantity, averagePrice: average,
            updated: EpochMilliseconds(updated))
    }

    /// `details` is cast to text: PostgresNIO decodes `json` as bytes, and the record keeps text.
    static let riskEventColumns = "id, time_ms, strategy, symbol, rule, decision, reason, details::text"

    static func riskEvent(_ row: PostgresRow) throws -> RiskEventRecord {
        let (id, time, strategy, symbol, rule, decision, reason, details) = try row.decode(
            (Int64, Int64, String?, String?, String, String, String, String?).self)
        return RiskEventRecord(
            id: id, time: EpochMilliseconds(time), strategy: strategy, symbol: symbol, rule: rule,
            decision: RiskEventRecord.Decision(rawValue: decision), reason: reason, details: details)
    }

    static let equityColumns = "run_id, time_ms, equity, cash"

    static func equity(_ row: PostgresRow) throws -> EquitySnapshotRecord {
        let (run, time, equity, cash) = try row.decode((String, Int64, Double, Double).self)
        return EquitySnapshotRecord(runID: run, time: EpochMilliseconds(time), equity: equity, cash: cash)
    }

    static let backtestColumns = """
        r.id, r.strategy_hash, r.strategy_name, r.data, r.params::text, r.settings::text, b.result::text, r.recorded_ms
        """

    static func backtest(_ row: PostgresRow) throws -> BacktestRecord {
        let (id, hash, name, data, params, settings, result, recorded) = try row.decode(
            (String, String, String, [String], String, String, String, Int64).self)
        return BacktestRecord(
            id: id, strategyHash: hash, strategyName: name, data: data, paramsJSON: params, settingsJSON: settings,
            resultJSON: result, recorded: EpochMilliseconds(recorded))
    }

    /// The value of `type` whose raw value is `text`.
    private static func stored<Value: RawRepresentable>(
        _ type: Value.Type, _ text: String, column: String, location: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw StoreError.corrupted(path: location, detail: "unreadable value \(text) in \(column)")
        }
        return value
    }
}
