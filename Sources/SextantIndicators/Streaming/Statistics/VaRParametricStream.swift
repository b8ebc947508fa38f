/// Rolling parametric (normal) value at risk, one bar at a time: the streaming twin of `VaRParametric`.
///
/// State: a `StreamVariance` (the `RollingVariance` recurrence under `NormalFit`), so each window's
/// mean and sample deviation, and the VaR formed from them as the batch forms it, have the batch's bits.
public struct VaRParametricStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// The confidence level, in (0, 1).
    public let confidence: Double
    private let z: Double
    private let correction: Double
    private var core: StreamVariance

    /// The `length`-bar parametric VaR at `confidence`; `length` < 2 or a confidence outside (0, 1)
    /// gives NaN on every bar.
    public init(length: Int, confidence: Double) {
        self.length = length
        self.confidence = confidence
        z = NormalDistribution.quantile(1 - confidence)
        correction = Double(length) / Double(length - 1)
        core = StreamVariance(length: length)
    }

    /// `VaRParametric.lookback(length:)`.
    public var lookback: Int { VaRParametric.lookback(length: length) }

    /// The VaR (a positive loss fraction) of the window ending at this bar; NaN during the warm-up and
    /// on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 2, confidence > 0, confidence < 1, let window = core.next(value) else { return .nan }
        let deviation = (window.variance * correction).squareRoot()
        return -(window.mean + deviation * z)
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
