/// A trade while it is open: its fill, its stop levels, and what its trailing stop has seen.
struct OpenTrade: Sendable {
    /// Units, negative for shorts.
    var size: Double
    /// Entry fill price (after spread and slippage).
    var entryPrice: Double
    var entryBar: Int
    /// The entry bar's time.
    var entryTime: Int64
    /// Stop-loss price (NaN: none).
    var stopLoss: Double
    /// Take-profit price (NaN: none).
    var takeProfit: Double
    /// Trailing-stop price (NaN: none); ratchets with each close in the trade's favour.
    var trailingStop: Double

    var isLong: Bool { size > 0 }
}
