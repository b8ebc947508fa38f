public import SextantStore

/// Hand-written records the tests store and expect back (the same for every store implementation).
public enum Samples {
    public static let versionHash = "9f2c0e51a7d3b8c4e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7"

    public static let version = StrategyVersionRecord(
        contentHash: versionHash, name: "sma_cross", path: "Strategies/sma_cross.yaml",
        source: "kind: strategy\nname: sma_cross\n", seenAt: EpochMilliseconds(1_700_000_000_000))

    public static func order(
        _ clientOrderID: String, quantity: Double = 10, kind: OrderRecord.Kind = .market, limitPrice: Double? = nil,
        stopPrice: Double? = nil, state: OrderRecord.State = .new, created: Int64 = 1_700_000_060_000
    ) -> OrderRecord {
        OrderRecord(
            clientOrderID: clientOrderID, strategyVersion: versionHash, symbol: "GOOG", side: .buy,
            quantity: quantity, kind: kind, limitPrice: limitPrice, stopPrice: stopPrice, barTime: 1_699_999_940,
            rule: "entry.long", leg: "main", state: state, created: EpochMilliseconds(created))
    }

    public static func fill(_ fillID: String, order clientOrderID: String, venue: String = "paper") -> FillRecord {
        FillRecord(
            venue: venue, fillID: fillID, clientOrderID: clientOrderID, quantity: 1, price: 101.25,
            commission: 0.05, time: EpochMilliseconds(1_700_000_061_000))
    }

    public static let run = RunRecord(
        id: "run-1", started: EpochMilliseconds(1_700_000_000_000), mode: .dryRun, engineConfigHash: "cfg-1")
}
