/// Rolling sample covariance, one bar at a time: the streaming twin of `Cov`.
///
/// State: the two primitives `Cov` composes — a `StreamVariance` of the first series and a
/// `StreamCovariance` slope of the second on the first — each replaying its batch recurrence, so their
/// product, formed as the batch forms it, has the batch's bits.
public struct CovStream: PairStream {
    /// The window length.
    public let length: Int
    private let correction: Double
    private var variance: StreamVariance
    private var slope: StreamCovariance

    /// The `length`-bar sample covariance; `length` < 2 gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        correction = Double(length) / Double(length - 1)
        variance = StreamVariance(length: length)
        slope = StreamCovariance(length: length, output: .slope)
    }

    /// `Cov.lookback(length:)`.
    public var lookback: Int { Cov.lookback(length: length) }

    /// The covariance of the windows ending at this bar; NaN during the warm-up and when either input
    /// is NaN.
    public mutating func update(_ first: Double, _ second: Double) -> Double {
        guard !(first.isNaN || second.isNaN) else {
            reset()
            return .nan
        }
        guard length >= 2 else { return .nan }
        // Both primitives must see every bar, warm-up included.
        let window = variance.next(first)
        guard let beta = slope.next(first, second), let window else { return .nan }
        return beta * (window.variance * correction)
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        variance.reset()
        slope.reset()
    }
}
