/// The `size:` rule of a strategy. Its arguments are read at the signal bar (`OrderParameters.sizing`);
/// units are computed at the fill from the fill price and the account at that moment (`Broker`).
enum Sizing: Sendable {
    /// No `size:`: as many whole units as the available cash buys after commission (Backtesting.py).
    case allIn
    /// `units(n)` or a plain number: a fixed number of units.
    case units
    /// `cash_amount(amount)`.
    case cashAmount
    /// `percent_equity(fraction)`.
    case percentEquity
    /// `risk_fraction(fraction, stop)`.
    case riskFraction
    /// `kelly(win_rate, payoff, scale)`.
    case kelly
    /// `vol_target(target, length, periods)`: the second argument is the annualized volatility.
    case volTarget
}
