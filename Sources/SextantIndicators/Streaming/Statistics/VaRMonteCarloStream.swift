/// Rolling Monte Carlo value at risk, one bar at a time: the streaming twin of `VaRMonteCarlo`.
///
/// State: the simulated standard-normal quantile (drawn once, in `init`, by the batch's own
/// `VaRMonteCarlo.standardQuantile`) and a `StreamVariance` for the window's normal fit, so every
/// output has the batch's bits.
public struct VaRMonteCarloStream: SeriesStream {
    /// The window length.
    public let length: Int
    private let quantile: Double
    private let correction: Double
    private var core: StreamVariance

    /// The `length`-bar Monte Carlo VaR at `confidence` from `paths` draws seeded by `seed`; `length` < 2,
    /// `paths` < 1 or a confidence outside (0, 1) gives NaN on every bar.
    public init(length: Int, confidence: Double, paths: Int, seed: UInt64) {
        self.length = length
        quantile = VaRMonteCarlo.standardQuantile(confidence: confidence, paths: paths, seed: seed)
        correction = Double(length) / Double(length - 1)
        core = StreamVariance(length: length)
    }

    /// `VaRMonteCarlo.lookback(length:)`.
    public var lookback: Int { VaRMonteCarlo.lookback(length: length) }

    /// The VaR (a positive loss fraction) of the window ending at this bar; NaN during the warm-up and
    /// on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 2, !quantile.isNaN, let window = core.next(value) else { return .nan }
        let deviation = (window.variance * correction).squareRoot()
        return -(window.mean + deviation * quantile)
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
