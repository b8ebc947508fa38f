/// The `size:` rule of a strategy, with its arguments as values the simulation reads at the signal bar.
/// Units are computed at the fill, from the fill price and the account at that moment (`Simulator`).
enum Sizing {
    /// No `size:`: as many whole units as the available cash buys after commission (Backtesting.py).
    case allIn
    /// `units(n)` or a plain number: a fixed number of units.
    case units(BarInput)
    /// `cash_amount(amount)`.
    case cashAmount(BarInput)
    /// `percent_equity(fraction)`.
    case percentEquity(BarInput)
    /// `risk_fraction(fraction, stop)`.
    case riskFraction(fraction: BarInput, stop: BarInput)
    /// `kelly(win_rate, payoff, scale)`.
    case kelly(winRate: BarInput, payoff: BarInput, scale: BarInput)
    /// `vol_target(target, length, periods)`: `volatility` is the annualized volatility column.
    case volTarget(target: BarInput, volatility: [Double])
}
