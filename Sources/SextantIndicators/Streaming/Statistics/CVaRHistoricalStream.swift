/// Rolling historical conditional VaR (expected shortfall), one bar at a time: the streaming twin of
/// `CVaRHistorical`.
///
/// State: a `StreamHistoricalTail` (the batch kernel's sorted window, replayed), read by the batch's
/// `LinearQuantile.ofSorted` and `HistoricalTail.shortfall`.
public struct CVaRHistoricalStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// The confidence level, in (0, 1).
    public let confidence: Double
    private let probability: Double
    private var core: StreamHistoricalTail

    /// The `length`-bar expected shortfall at `confidence`; `length` < 1 or a confidence outside (0, 1)
    /// gives NaN on every bar.
    public init(length: Int, confidence: Double) {
        self.length = length
        self.confidence = confidence
        // As the batch evaluates it: `np.quantile(r, 1 − confidence)`.
        probability = 1 - confidence
        core = StreamHistoricalTail(length: length)
    }

    /// `CVaRHistorical.lookback(length:)`.
    public var lookback: Int { CVaRHistorical.lookback(length: length) }

    /// The expected shortfall (a positive loss fraction) of the window ending at this bar; NaN during
    /// the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1, confidence > 0, confidence < 1 else { return .nan }
        let probability = probability
        let shortfall = core.next(value) { sorted, count in
            let quantile = LinearQuantile.ofSorted(sorted, count: count, probability: probability)
            return HistoricalTail.shortfall(sorted, count: count, quantile: quantile)
        }
        return shortfall ?? .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
