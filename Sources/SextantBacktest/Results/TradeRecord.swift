/// A trade, closed or still open (`trades[]` and `open_trades[]` in the JSON; Backtesting.py's `_trades`).
public struct TradeRecord: Sendable, Codable, Equatable {
    /// The bar of the entry fill.
    public var entryBar: Int
    /// The bar of the exit fill (nil while open).
    public var exitBar: Int?
    /// Entry time, ISO-8601.
    public var entryTime: String
    /// Exit time, ISO-8601 (nil while open).
    public var exitTime: String?
    /// Units, negative for shorts.
    public var size: Double
    /// Entry fill price (after spread and slippage).
    public var entryPrice: Double
    /// Exit fill price (after slippage); the last close for an open trade.
    public var exitPrice: Double
    /// Profit after both commissions (unrealized and before the exit commission for an open trade).
    public var pnl: Double
    /// Return in percent: 100·(sign(size)·(exit/entry − 1) − commissions/(|size|·entry)).
    public var returnPct: Double
    /// Entry and exit commissions.
    public var commission: Double
    /// Why it was closed (nil while open).
    public var exitReason: ExitReason?
    /// Seconds from entry to exit time (nil while open).
    public var durationSeconds: Double?

    /// Creates a record.
    public init(
        entryBar: Int, exitBar: Int?, entryTime: String, exitTime: String?, size: Double, entryPrice: Double,
        exitPrice: Double, pnl: Double, returnPct: Double, commission: Double, exitReason: ExitReason?,
        durationSeconds: Double?
    ) {
        self.entryBar = entryBar
        self.exitBar = exitBar
        self.entryTime = entryTime
        self.exitTime = exitTime
        self.size = size
        self.entryPrice = entryPrice
        self.exitPrice = exitPrice
        self.pnl = pnl
        self.returnPct = returnPct
        self.commission = commission
        self.exitReason = exitReason
        self.durationSeconds = durationSeconds
    }

    enum CodingKeys: String, CodingKey {
        case entryBar = "entry_bar"
        case exitBar = "exit_bar"
        case entryTime = "entry_time"
        case exitTime = "exit_time"
        case size
        case entryPrice = "entry_price"
        case exitPrice = "exit_price"
        case pnl
        case returnPct = "return_pct"
        case commission
        case exitReason = "exit_reason"
        case durationSeconds = "duration_seconds"
    }
}
