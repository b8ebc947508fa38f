/// Rolling z-score, one bar at a time: the streaming twin of `ZScore`.
///
/// State: a `StreamVariance` (the batch kernel's shifted running sums and rebuild schedule), so the
/// mean and variance of every window have the batch's bits and the z-score, computed by the batch's
/// expression, does too.
public struct ZScoreStream: SeriesStream {
    /// The window length.
    public let length: Int
    private let correction: Double
    private var core: StreamVariance

    /// The `length`-bar z-score; `length` < 2 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        correction = Double(length) / Double(length - 1)
        core = StreamVariance(length: length)
    }

    /// `ZScore.lookback(length:)`.
    public var lookback: Int { ZScore.lookback(length: length) }

    /// The z-score of this bar in its window; NaN during the warm-up, on NaN input and on a flat window.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 2, let window = core.next(value) else { return .nan }
        let deviation = (window.variance * correction).squareRoot()
        return deviation > 0 ? (value - window.mean) / deviation : .nan
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
