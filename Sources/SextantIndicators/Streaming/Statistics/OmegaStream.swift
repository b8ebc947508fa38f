/// Rolling Omega ratio, one bar at a time: the streaming twin of `Omega`.
///
/// State: two `StreamWindowSum`s (the batch's `WindowSum` blocking), of the gains above the threshold
/// and of the shortfalls below it, so "no shortfall" is an exact 0 here as in the batch.
public struct OmegaStream: SeriesStream {
    /// The window length.
    public let length: Int
    /// The threshold return.
    public let threshold: Double
    private var gains: StreamWindowSum
    private var losses: StreamWindowSum

    /// The `length`-bar Omega ratio above `threshold`; `length` < 1 or a NaN threshold gives NaN on
    /// every bar.
    public init(length: Int, threshold: Double) {
        self.length = length
        self.threshold = threshold
        gains = StreamWindowSum(length: length)
        losses = StreamWindowSum(length: length)
    }

    /// `Omega.lookback(length:)`.
    public var lookback: Int { Omega.lookback(length: length) }

    /// The Omega ratio of the window ending at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= 1, !threshold.isNaN else { return .nan }
        let gain = gains.next(Swift.max(value - threshold, 0))
        guard let loss = losses.next(Swift.max(threshold - value, 0)), let gain else { return .nan }
        return gain / loss
    }

    /// Forgets every bar seen.
    public mutating func reset() {
        gains.reset()
        losses.reset()
    }
}
