/// Rolling historical value at risk, one bar at a time: the streaming twin of `VaRHistorical`.
///
/// State: a `StreamHistoricalTail` (the batch kernel's sorted window, replayed), read by the batch's
/// `LinearQuantile.ofSorted`.
public struct VaRHistoricalStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// The confidence level, in (0, 1).
    public let confidence: Double
    private let probability: Double
    private var core: StreamHistoricalTail

    /// The `length`-bar historical VaR at `confidence`; `length` < 1 or a confidence outside (0, 1)
    /// gives NaN on every bar.
    public init(length: Int, confidence: Double) {
        self.length = length
        self.confidence = confidence
        // As the batch evaluates it: `np.quantile(r, 1 − confidence)`.
        probability = 1 - confidence
        core = StreamHistoricalTail(length: length)
    }

    /// `VaRHistorical.lookback(length:)`.
    public var lookback: Int { VaRHistorical.lookback(length: length) }

    /// The VaR (a positive loss fraction) of the window ending at this bar; NaN during the warm-up and
    /// on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1, confidence > 0, confidence < 1 else { return .nan }
        let probability = probability
        let quantile = core.next(value) { LinearQuantile.ofSorted($0, count: $1, probability: probability) }
        guard let quantile else { return .nan }
        return -quantile
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
