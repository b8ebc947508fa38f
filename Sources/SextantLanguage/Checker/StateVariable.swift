/// The position and account values an expression may read where DSL.md allows state
/// (`size`, `stops`, `risk`, exits and circuit breakers).
public enum StateVariable: String, Sendable, Hashable, CaseIterable {
    /// Signed units held (negative when short).
    case position
    /// Average entry price of the open position (na when flat).
    case entryPrice = "entry_price"
    /// Bars since the open position was entered (na when flat).
    case barsInTrade = "bars_in_trade"
    /// Cash plus the marked-to-market value of open positions.
    case equity
    /// Free cash.
    case cash
    /// Unrealized profit of the open position.
    case openPnl = "open_pnl"
    /// Profit since the start of the trading day (realized and unrealized).
    case dayPnl = "day_pnl"
    /// Fall of equity from its peak, as a positive fraction (`drawdown > 10%`).
    case drawdown

    /// One line for `--explain` and the language reference.
    public var doc: String {
        switch self {
        case .position: "signed units held (negative when short)"
        case .entryPrice: "average entry price of the open position (na when flat)"
        case .barsInTrade: "bars since the open position was entered (na when flat)"
        case .equity: "cash plus the marked-to-market value of open positions"
        case .cash: "free cash"
        case .openPnl: "unrealized profit of the open position"
        case .dayPnl: "profit since the start of the trading day"
        case .drawdown: "fall of equity from its peak, as a positive fraction"
        }
    }
}
