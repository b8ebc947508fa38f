/// Why a trade was closed (`trades[].exit_reason` in the JSON).
public enum ExitReason: String, Sendable, Codable, CaseIterable {
    /// The side's `exit:` signal.
    case signal
    /// An entry signal of the other side (the trade closes at the same fill that opens the new one).
    case reverse
    /// `stops.loss`.
    case stopLoss = "stop_loss"
    /// `stops.trailing`.
    case trailingStop = "trailing_stop"
    /// `stops.take_profit`.
    case takeProfit = "take_profit"
    /// `stops.max_bars`.
    case maxBars = "max_bars"
    /// Closed by the engine's risk gate: a `flatten` circuit breaker or the kill switch.
    case risk
    /// Closed by the end of the run: on the last bar with `--close-at-end`, or when equity fell to zero.
    case end
}
