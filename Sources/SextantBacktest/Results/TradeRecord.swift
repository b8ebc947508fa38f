public import SextantCore

/// A trade, closed or still open (`trades[]` and `open_trades[]` in the JSON; Backtesting.py's `_trades`).
///
/// Times are kept as seconds and spelled as ISO-8601 only when read: a backtest can close a trade every
/// few bars, and formatting two dates per trade would cost more than the simulation itself.
public struct TradeRecord: Sendable, Equatable {
    /// The bar of the entry fill.
    public var entryBar: Int
    /// The bar of the exit fill (nil while open).
    public var exitBar: Int?
    /// Entry time, seconds since the Unix epoch.
    public var entryTimestamp: Int64
    /// Exit time, seconds since the Unix epoch (nil while open).
    public var exitTimestamp: Int64?
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
    public var durationSeconds: Double? { exitTimestamp.map { Double($0 - entryTimestamp) } }

    /// Entry time, ISO-8601 UTC.
    public var entryTime: String { UTCTime.iso8601(entryTimestamp, dateOnly: false) }
    /// Exit time, ISO-8601 UTC (nil while open).
    public var exitTime: String? { exitTimestamp.map { UTCTime.iso8601($0, dateOnly: false) } }

    /// Creates a record.
    public init(
        entryBar: Int, exitBar: Int?, entryTimestamp: Int64, exitTimestamp: Int64?, size: Double, entryPrice: Double,
        exitPrice: Double, pnl: Double, returnPct: Double, commission: Double, exitReason: ExitReason?
    ) {
        self.entryBar = entryBar
        self.exitBar = exitBar
        self.entryTimestamp = entryTimestamp
        self.exitTimestamp = exitTimestamp
        self.size = size
        self.entryPrice = entryPrice
        self.exitPrice = exitPrice
        self.pnl = pnl
        self.returnPct = returnPct
        self.commission = commission
        self.exitReason = exitReason
    }
}
