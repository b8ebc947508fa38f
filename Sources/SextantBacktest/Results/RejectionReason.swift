/// Why an order was refused or made smaller (`rejections[].reason`; stable names).
public enum RejectionReason: String, Sendable, Codable, CaseIterable {
    /// The sizing rule gave less than one unit (or a NaN size, e.g. during an indicator's warm-up).
    case zeroSize = "zero_size"
    /// The cash (margin) available did not cover the order: it was shrunk to what it covers, or
    /// refused when that is less than one unit.
    case insufficientCash = "insufficient_cash"
    /// `risk.max_position`: the position would exceed the limit.
    case maxPosition = "max_position"
    /// `risk.max_daily_loss`: the day's loss passed the limit; no new entries until the next day.
    case maxDailyLoss = "max_daily_loss"
    /// `risk.max_drawdown`: the drawdown from the equity peak passed the limit.
    case maxDrawdown = "max_drawdown"
    /// `risk.cooldown`: too soon after a losing exit.
    case cooldown
    /// `risk.max_trades_per_day`: the day's entries are used up.
    case maxTradesPerDay = "max_trades_per_day"
    /// `entry.long` and `entry.short` were both true on the bar: neither is taken.
    case conflictingSignals = "conflicting_signals"
}
