/// What an entry order carries from its signal bar to its fill: the sizing arguments, the stop
/// distances and the position limit, all read at the bar the decision was made. The fill may come a
/// bar later (next open), when the strategy's values have moved on.
struct OrderParameters: Sendable {
    /// The sizing call's arguments in order (NaN where absent).
    var sizing: (Double, Double, Double) = (.nan, .nan, .nan)
    /// `stops.loss`, `stops.trailing`, `stops.take_profit` distances (NaN: none).
    var stopLoss = Double.nan
    var trailing = Double.nan
    var takeProfit = Double.nan
    /// `risk.max_position` (NaN: none).
    var maxPosition = Double.nan
    /// ATR(14) at the signal bar, for ATR slippage.
    var atr = Double.nan
}
